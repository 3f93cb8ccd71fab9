import { getSegmentInfo } from "@/lib/sms/encoding";
import { graphemesWithIndex, gsmClass, isGsmText } from "./gsm-charset";

/**
 * One-click "GSM-safe" rewrite. A single curly apostrophe pasted from a word processor makes the whole message
 * UCS-2 (70 instead of 160 characters per segment), so the editor offers to swap such characters for their
 * plain look-alikes. Only characters outside GSM-7 are touched: Danish æøåÆØÅ, é, ü, ñ and friends are in the
 * GSM-7 table and stay. Emoji and non-Latin scripts (Urdu) have no look-alike and are reported, never removed.
 */

/** Look-alikes for punctuation, spaces and letters that accent-stripping can't produce. */
const LOOK_ALIKES: Record<string, string> = {
  // Quotes and apostrophes (word processors and phones "smarten" these).
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u00b4": "'",
  "`": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2039": "'",
  "\u203a": "'",
  // Dashes, minus, bullets.
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2022": "-",
  "\u00b7": "-",
  "\u2026": "...",
  // Odd spaces become a plain space; invisible ones disappear.
  "\u00a0": " ",
  "\u2000": " ",
  "\u2001": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u205f": " ",
  "\u3000": " ",
  "\t": " ",
  "\u2028": "\n",
  "\u2029": "\n",
  "\u200b": "",
  "\u200c": "",
  "\u2060": "",
  "\ufeff": "",
  // Letters without a decomposition.
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  Þ: "Th",
  ð: "d",
  // Symbols.
  "\u2122": "TM",
  "\u00a9": "(c)",
  "\u00ae": "(R)",
  "\u00bd": "1/2",
  "\u00bc": "1/4",
  "\u00be": "3/4",
  "\u00d7": "x",
  "\u00f7": "/",
};

export type NonGsmKind = "replaceable" | "emoji" | "no_equivalent";

export interface NonGsmCharacter {
  char: string;
  /** "U+2019" style, to tell look-alikes apart in the UI. */
  codePoint: string;
  count: number;
  /** UTF-16 offset of each occurrence. */
  positions: number[];
  kind: NonGsmKind;
  /** The GSM-7 look-alike; null for emoji and characters without one. */
  replacement: string | null;
}

/** The GSM-7 look-alike of one character outside GSM-7, or null when there is none (emoji, Urdu...). */
export function gsmReplacement(grapheme: string): string | null {
  const composed = grapheme.normalize("NFC");
  if (composed !== grapheme && isGsmText(composed)) return composed; // "e" + combining accent → "é"
  const mapped = LOOK_ALIKES[composed];
  if (mapped !== undefined) return mapped;
  const stripped = composed.normalize("NFD").replace(/\p{M}/gu, ""); // á → a, ç → c, ő → o
  if (stripped !== "" && stripped !== composed && isGsmText(stripped)) return stripped;
  return null;
}

/** Every character that forces UCS-2, once each in order of first appearance, with its look-alike if any. */
export function findNonGsmCharacters(text: string): NonGsmCharacter[] {
  if (getSegmentInfo(text).encoding === "GSM-7") return [];
  const byChar = new Map<string, NonGsmCharacter>();
  for (const { grapheme, index } of graphemesWithIndex(text)) {
    if (gsmClass(grapheme) !== "none") continue;
    const known = byChar.get(grapheme);
    if (known) {
      known.count += 1;
      known.positions.push(index);
      continue;
    }
    const replacement = gsmReplacement(grapheme);
    byChar.set(grapheme, {
      char: grapheme,
      codePoint: Array.from(grapheme, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(
        " ",
      ),
      count: 1,
      positions: [index],
      kind:
        replacement !== null
          ? "replaceable"
          : /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(grapheme)
            ? "emoji"
            : "no_equivalent",
      replacement,
    });
  }
  return [...byChar.values()];
}

export interface GsmSafeResult {
  text: string;
  /** What was swapped, once per character. */
  replaced: { from: string; to: string; count: number }[];
  /** Characters left as they were because they have no GSM-7 look-alike (the text stays UCS-2 if any). */
  kept: string[];
}

/** Replaces every character outside GSM-7 that has a look-alike; leaves emoji and other scripts untouched. */
export function toGsmSafe(text: string): GsmSafeResult {
  const found = findNonGsmCharacters(text);
  const swaps = new Map(found.filter((f) => f.replacement !== null).map((f) => [f.char, f.replacement as string]));
  if (swaps.size === 0) return { text, replaced: [], kept: found.map((f) => f.char) };
  const out = graphemesWithIndex(text)
    .map(({ grapheme }) => swaps.get(grapheme) ?? grapheme)
    .join("");
  return {
    text: out,
    replaced: found
      .filter((f) => f.replacement !== null)
      .map((f) => ({ from: f.char, to: f.replacement as string, count: f.count })),
    kept: found.filter((f) => f.replacement === null).map((f) => f.char),
  };
}
