import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest, linked from every page by Next): staff can add the
 * dashboard to a phone's home screen and open it full-screen like an app. Icons come from `npm run icons`.
 * Reachable signed out (proxy.ts's matcher skips it): browsers fetch manifests without cookies.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Cafe de Revenue",
    short_name: "Cafe Revenue",
    description: "SMS marketing and guest messaging for restaurants.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#ffffff",
    theme_color: "#18181b",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
