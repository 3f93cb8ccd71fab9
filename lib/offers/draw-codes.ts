// Plain functions (no database): codes are drawn while texts are rendered, before anything is written.
import { formatOfferCode, generateOfferCode } from "./offer-code";

/**
 * `count` distinct new codes. A repeat inside one batch is discarded here; a code already stored for another
 * guest is found and replaced when the batch is written (insert-offer-codes.ts). With 2⁴⁰ codes, 100,000 drawn
 * collide with each other with probability about 0.5 %, so the loop nearly never runs twice per code.
 */
export function drawOfferCodes(count: number, draw: () => string = generateOfferCode): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(draw());
  return [...codes];
}

/** A recipient's merge value for `{offer_code}`: the code as the guest reads it. */
export function offerCodeMergeValue(code: string | undefined): { offerCode?: string } {
  return code ? { offerCode: formatOfferCode(code) } : {};
}
