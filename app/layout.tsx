import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ThemeProvider } from "@/components/theme-provider";
import { LazyToaster } from "@/components/ui/lazy-toaster";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { baseLocale, dirOf } from "@/lib/i18n/locales";
import { GeistSans, GeistSansLatin } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Shell");
  return {
    title: { default: "Cafe de Revenue", template: "%s · Cafe de Revenue" },
    description: t("description"),
    // iOS takes its home-screen icon from here (the web app manifest is for the others).
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" }, apple: "/apple-touch-icon.png" },
    appleWebApp: { title: "Cafe Revenue" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce proxy.ts made for this request (lib/security-headers.ts); reading it renders every page per request.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const locale = await getLocale();
  return (
    // next-themes sets the class on <html> before hydration.
    <html
      lang={baseLocale(locale)}
      dir={dirOf(locale)}
      className={`${GeistSansLatin.variable} ${GeistSans.variable}`}
      suppressHydrationWarning
    >
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        {/* Client components get the same language, formats and time zone as the server, and the shell's messages
            (each area adds its own: lib/i18n/client-messages.tsx). */}
        <ClientMessages>
          <ThemeProvider nonce={nonce}>
            {children}
            <LazyToaster />
          </ThemeProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
