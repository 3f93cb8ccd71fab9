import { OFFER_CODE_EXAMPLE } from "@/lib/offers/offer-code";
import { exampleOfferUrl } from "@/lib/offers/offer-link-shape";
import { getSegmentInfo, type SmsEncoding } from "@/lib/sms/encoding";
import type { ProviderName } from "@/lib/sms/types";
import { graphemesWithIndex, gsmClass } from "./gsm-charset";
import type { MergeFieldName } from "./merge-field-catalogue";
import { type MergeValues, mergeValue, parseTemplate, type TemplatePart } from "./merge-fields";
import { segmentPrice } from "./segment-prices";

/** CPSMS and smsapp.pk refuse longer texts: 10 concatenated GSM-7 segments of 153 characters. */
export const MAX_MESSAGE_CHARACTERS = 1530;

/** One recipient as the stats see it: merge values plus the phone number that decides the price. */
export type AudienceRecipient = MergeValues & { phone?: string | null };

export interface RecipientMessageInfo {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** Characters as the operator counts them (GSM-7 extension characters such as € count 2). */
  characters: number;
}

export interface AudienceStats<R extends AudienceRecipient = AudienceRecipient> {
  recipients: number;
  minSegments: number;
  maxSegments: number;
  totalSegments: number;
  encodings: { gsm: number; ucs2: number };
  /** The recipient with the most segments (then most characters); null for an empty audience. */
  longest: { recipient: R; text: string; info: RecipientMessageInfo } | null;
  /** Recipients whose message is over MAX_MESSAGE_CHARACTERS: an error, they can't be sent. */
  overLimit: { count: number; examples: R[] };
  /** Sum of segments × the provider's price per segment; null when no provider was given. */
  estimatedCost: number | null;
}

/**
 * Renders the template for every recipient and counts segments, encodings and cost. Built for 10,000+
 * recipients: segment counting is slow (≈0.5 ms a message), so it runs once per *shape* of the message, not
 * per recipient. Two renders have the same shape when their substituted values have the same sequence of
 * character sizes (GSM basic, GSM extension, UCS-2 unit, or the exact emoji), which gives exactly the same
 * encoding, length and segment split. Names of equal length and script therefore share one computation.
 */
export function audienceStats<R extends AudienceRecipient>(
  template: string,
  recipients: readonly R[],
  options: { provider?: ProviderName } = {},
): AudienceStats<R> {
  const { parts } = parseTemplate(template);
  const shapes = new Map<string, Omit<RecipientMessageInfo, "text">>();
  const stats: AudienceStats<R> = {
    recipients: recipients.length,
    minSegments: 0,
    maxSegments: 0,
    totalSegments: 0,
    encodings: { gsm: 0, ucs2: 0 },
    longest: null,
    overLimit: { count: 0, examples: [] },
    estimatedCost: options.provider ? 0 : null,
  };
  let cost = 0;

  for (const recipient of recipients) {
    const { text, shape } = renderWithShape(parts, recipient);
    let info = shapes.get(shape);
    if (!info) {
      const s = getSegmentInfo(shape);
      info = { encoding: s.encoding, segments: s.segments, characters: s.units };
      shapes.set(shape, info);
    }
    stats.minSegments = stats.longest === null ? info.segments : Math.min(stats.minSegments, info.segments);
    stats.maxSegments = Math.max(stats.maxSegments, info.segments);
    stats.totalSegments += info.segments;
    if (info.encoding === "GSM-7") stats.encodings.gsm += 1;
    else stats.encodings.ucs2 += 1;
    if (info.characters > MAX_MESSAGE_CHARACTERS) {
      stats.overLimit.count += 1;
      if (stats.overLimit.examples.length < 5) stats.overLimit.examples.push(recipient);
    }
    const l = stats.longest?.info;
    if (!l || info.segments > l.segments || (info.segments === l.segments && info.characters > l.characters)) {
      stats.longest = { recipient, text, info: { ...info, text } };
    }
    if (options.provider) cost += info.segments * segmentPrice(options.provider, recipient.phone);
  }
  // Prices like 1.6 add up with float noise; two decimals is what the providers show.
  if (options.provider) stats.estimatedCost = Math.round(cost * 100) / 100;
  return stats;
}

/** Encoding, segments and characters of one recipient's message (exact, no shape cache). */
export function messageInfo(text: string): RecipientMessageInfo {
  const s = getSegmentInfo(text);
  return { text, encoding: s.encoding, segments: s.segments, characters: s.units };
}

/** The rendered text plus its shape: the same text with each substituted value replaced by same-sized stand-ins. */
function renderWithShape(parts: readonly TemplatePart[], values: MergeValues): { text: string; shape: string } {
  let text = "";
  let shape = "";
  for (const part of parts) {
    if (part.type === "text" || !part.known) {
      const literal = part.type === "text" ? part.text : part.raw;
      text += literal;
      shape += literal;
      continue;
    }
    // Codes are drawn when the campaign is written, after the counts: every code has the example's exact size.
    const value =
      mergeValue(part.name as MergeFieldName, values) ||
      (part.name === "offer_code"
        ? OFFER_CODE_EXAMPLE
        : part.name === "offer_link"
          ? exampleOfferUrl(values.optOutUrl)
          : (part.fallback ?? ""));
    text += value;
    shape += shapeOf(value);
  }
  return { text, shape };
}

const valueShapes = new Map<string, string>();
// Bounded so a long-running tab or server can't grow the memo without limit (10k distinct names is plenty).
const MAX_VALUE_SHAPES = 20_000;

function shapeOf(value: string): string {
  let shape = valueShapes.get(value);
  if (shape !== undefined) return shape;
  shape = "";
  // Printable ASCII is one grapheme per character, so the (slow) grapheme segmenter can be skipped.
  const graphemes = /^[\x20-\x7e]*$/.test(value) ? value : graphemesWithIndex(value).map((g) => g.grapheme);
  for (const grapheme of graphemes) {
    const cls = gsmClass(grapheme);
    // "a" is 1 GSM septet, "€" 2; "ж" is one UCS-2 unit and forces UCS-2 like the original; longer graphemes
    // (emoji, flags, combining sequences) are kept as they are because their size varies.
    shape += cls === "basic" ? "a" : cls === "extended" ? "€" : grapheme.length === 1 ? "ж" : grapheme;
  }
  if (valueShapes.size >= MAX_VALUE_SHAPES) valueShapes.clear();
  valueShapes.set(value, shape);
  return shape;
}
