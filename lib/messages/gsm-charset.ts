import { getSegmentInfo } from "@/lib/sms/encoding";

/**
 * Where a character stands in GSM-7: the basic table (1 septet), the extension table (2 septets: € [ ] { } ~ ^ \ |),
 * or not at all (forces the whole message to UCS-2). The answer comes from sms-segments-calculator through
 * lib/sms/encoding.ts, so there is exactly one GSM table in the app; results are memoised per character.
 */
export type GsmClass = "basic" | "extended" | "none";

const cache = new Map<string, GsmClass>();

/** The GSM-7 class of one grapheme (a user-perceived character, e.g. one emoji). */
export function gsmClass(grapheme: string): GsmClass {
  let found = cache.get(grapheme);
  if (found === undefined) {
    const info = getSegmentInfo(grapheme);
    found = info.encoding === "UCS-2" ? "none" : info.units === 2 ? "extended" : "basic";
    cache.set(grapheme, found);
  }
  return found;
}

/** True when every character of the text is in GSM-7 (basic or extension table). */
export function isGsmText(text: string): boolean {
  return splitGraphemes(text).every((g) => gsmClass(g) !== "none");
}

const segmenter =
  typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" })
    : null;

/** Splits text into graphemes with their UTF-16 offsets ("\r\n" stays two characters, as operators count it). */
export function graphemesWithIndex(text: string): { grapheme: string; index: number }[] {
  if (!segmenter) return Array.from(text, (grapheme, index) => ({ grapheme, index }));
  const out: { grapheme: string; index: number }[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.segment === "\r\n") out.push({ grapheme: "\r", index: s.index }, { grapheme: "\n", index: s.index + 1 });
    else out.push({ grapheme: s.segment, index: s.index });
  }
  return out;
}

/** Splits text into graphemes. */
export function splitGraphemes(text: string): string[] {
  return graphemesWithIndex(text).map((g) => g.grapheme);
}
