import { SegmentedMessage } from "sms-segments-calculator";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentInfo {
  encoding: SmsEncoding;
  segments: number;
  /** Length in the encoding's units (GSM-7 escape characters such as € count 2). */
  units: number;
  /** Characters that force UCS-2 (empty for GSM-7 text). */
  nonGsmCharacters: string[];
}

/** Encoding and segment count of a text, as an operator would bill it (GSM-7 160/153, UCS-2 70/67). */
export function getSegmentInfo(text: string, encoding: SmsEncoding | "auto" = "auto"): SegmentInfo {
  if (text.length === 0) {
    return { encoding: encoding === "UCS-2" ? "UCS-2" : "GSM-7", segments: 1, units: 0, nonGsmCharacters: [] };
  }
  const key = `${encoding}\u0000${text}`;
  const known = recent.get(key);
  if (known) return known;
  const message = new SegmentedMessage(text, encoding);
  const info: SegmentInfo = {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    units: message.numberOfCharacters,
    nonGsmCharacters: encoding === "auto" ? message.getNonGsmCharacters() : [],
  };
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, info);
  return info;
}

// Counting costs ~0.5 ms a text and the same text is often counted again within moments (price, then send).
const RECENT_LIMIT = 2000;
const recent = new Map<string, SegmentInfo>();

const gsmCharacter = new Map<string, boolean>();

/**
 * True when the text cannot be sent as GSM-7 without losing characters (emoji, Urdu, "ç", ...). Checked one
 * character at a time against a memo of the calculator's own answer: a full segment count costs ~0.5 ms, too
 * much for every message of a 10,000-guest send.
 */
export function needsUnicode(text: string): boolean {
  for (const ch of text) {
    let gsm = gsmCharacter.get(ch);
    if (gsm === undefined) {
      gsm = getSegmentInfo(ch).encoding === "GSM-7";
      gsmCharacter.set(ch, gsm);
    }
    if (!gsm) return true;
  }
  return false;
}

/** Removes every character GSM-7 cannot carry (what CPSMS does silently to GSM-format messages). */
export function stripNonGsmCharacters(text: string): string {
  const bad = new Set(getSegmentInfo(text).nonGsmCharacters);
  if (bad.size === 0) return text;
  return splitGraphemes(text)
    .filter((g) => !bad.has(g))
    .join("");
}

/** Replaces every character GSM-7 cannot carry with "?" (how a gateway mangles UCS-2 text sent as plain). */
export function mangleNonGsmCharacters(text: string): string {
  const bad = new Set(getSegmentInfo(text).nonGsmCharacters);
  if (bad.size === 0) return text;
  return splitGraphemes(text)
    .map((g) => (bad.has(g) ? "?" : g))
    .join("");
}

function splitGraphemes(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
