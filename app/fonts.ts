import localFont from "next/font/local";

// Geist, as the `geist` package sets it up (geist/font/sans and geist/font/mono), with one change: only the sans
// face is preloaded. Mono (phone numbers, codes) is rarely above the fold; preloaded, its 70 kB were fetched
// before the first paint of every page, a third of a second on a phone's connection.

export const GeistSans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
});

export const GeistMono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  preload: false,
  adjustFontFallback: false,
  fallback: [
    "ui-monospace",
    "SFMono-Regular",
    "Roboto Mono",
    "Menlo",
    "Monaco",
    "Liberation Mono",
    "DejaVu Sans Mono",
    "Courier New",
    "monospace",
  ],
  weight: "100 900",
});
