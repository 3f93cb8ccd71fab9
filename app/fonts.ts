import localFont from "next/font/local";

// Geist Sans, as the `geist` package sets it up (geist/font/sans), lighter on a phone: in two faces, as Google
// Fonts serves them. The Latin letters (with æ, ø, å and the letters of most European names), punctuation,
// currency and arrows come from a subset, 42 kB instead of the full font's 70, preloaded; every other character
// from the package's full font, which a page fetches only if it shows one. Same glyphs, axes and OpenType
// features: the subset was cut from geist 1.9.2's Geist-Variable.woff2 with HarfBuzz (npm subset-font, all layout
// features kept) for exactly the code points of the Latin face's unicode-range below.
//
// Monospace (phone numbers, codes) is the phone's own (globals.css `--font-mono`: SF Mono, Roboto Mono, Menlo):
// Geist Mono was another 41 kB that every page showing a phone number fetched before its first paint.

// (next/font takes literals only: the family and the two ranges, which together cover every code point, are
// written out in each call.)

export const GeistSansLatin = localFont({
  src: "./geist-sans-latin.woff2",
  variable: "--font-geist-sans-latin",
  weight: "100 900",
  adjustFontFallback: false,
  declarations: [
    { prop: "font-family", value: "Geist Sans" },
    {
      prop: "unicode-range",
      value:
        "U+0000-017F, U+0192, U+0218-021B, U+02C6-02DD, U+2000-206F, U+20A0-20CF, U+2100-215F, U+2190-21FF, U+2200-22FF, U+25A0-25FF, U+FEFF-FFFD",
    },
  ],
});

/** `--font-geist-sans` brings Arial adjusted to Geist's metrics, the fallback while the faces load (globals.css). */
export const GeistSans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  preload: false,
  declarations: [
    { prop: "font-family", value: "Geist Sans" },
    {
      prop: "unicode-range",
      value:
        "U+0180-0191, U+0193-0217, U+021C-02C5, U+02DE-1FFF, U+2070-209F, U+20D0-20FF, U+2160-218F, U+2300-259F, U+2600-FEFE, U+FFFE-10FFFF",
    },
  ],
});
