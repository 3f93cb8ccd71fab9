// Plain functions (no database, no secret): the Redeem page's input formats with the same rules the server parses.
import { base32crockford } from "@scure/base";

/** 8 Crockford base32 characters carry 5 bytes: 40 bits, about 1.1 × 10¹² codes. */
export const OFFER_CODE_BYTES = 5;
export const OFFER_CODE_LENGTH = 8;
/** What a code looks like in a text and at the till (the merge field's example has this exact length). */
export const OFFER_CODE_EXAMPLE = "7KQ2-M9XD";
export const SHOWN_CODE_LENGTH = OFFER_CODE_LENGTH + 1;

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A new code in canonical form (upper case, no separator) from the platform's cryptographic random source.
 * Crockford's alphabet leaves out I, L, O and U, so nothing on a phone screen reads as two different characters.
 */
export function generateOfferCode(): string {
  const bytes = new Uint8Array(OFFER_CODE_BYTES);
  crypto.getRandomValues(bytes);
  return base32crockford.encode(bytes);
}

/** "7KQ2M9XD" → "7KQ2-M9XD": how a code is shown in a text and on screen (two groups are easier to read out). */
export function formatOfferCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What staff typed (or a scan read) → the canonical code, or null when it can't be one. Forgiving as Crockford
 * intends: any case, spaces and dashes anywhere, O read as 0, I and L read as 1. U is never in a code, so it
 * stays an error rather than a guess.
 */
export function parseOfferCode(input: string): string | null {
  const compact = input.replace(/[\s\-‐‑–—_.]/g, "");
  if (compact.length !== OFFER_CODE_LENGTH) return null;
  let canonical: string;
  try {
    // The library's decode applies Crockford's reading rules (case, O→0, I/L→1) and refuses anything else;
    // encoding the bytes again gives the one canonical spelling.
    canonical = base32crockford.encode(base32crockford.decode(compact));
  } catch {
    return null;
  }
  return CANONICAL.test(canonical) ? canonical : null;
}
