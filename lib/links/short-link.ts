import { findLinks } from "./find-links";

/** Characters of a link code: base62, all GSM-7 basic characters (one septet each, no encoding change). */
export const LINK_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 8 base62 characters: 62^8 ≈ 2^47.6 codes, so live links can't be found by trying. Fixed, so counts are exact. */
export const LINK_CODE_LENGTH = 8;
/** The path short links live under: `PUBLIC_URL/l/<code>`. */
export const SHORT_LINK_PREFIX = "/l/";

const CODE_PATTERN = new RegExp(`^[0-9A-Za-z]{${LINK_CODE_LENGTH}}$`);

/**
 * What the client needs to count and preview a text as sent: our own origin (links there stay as written) and
 * a short link of the real length. null when links are not shortened.
 */
export type LinkShortening = { origin: string; base: string; exampleUrl: string };

/** Whether `code` has the shape of a link code (anything else is refused without asking the database). */
export function isLinkCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** The recipient-facing short link for a code on our public base URL (no trailing slash). */
export function shortLinkUrl(base: string, code: string): string {
  return `${base}${SHORT_LINK_PREFIX}${code}`;
}

/**
 * The template with each link staff wrote replaced by `shortUrlFor(url)` (the same URL twice gets the same
 * short link). Replacing in the template, before merge fields and footer, keeps the footer's opt-out link and
 * the merge values out of it, and lets the counts run on the same text the guest receives.
 */
export function shortenTemplate(template: string, origin: string, shortUrlFor: (url: string) => string): string {
  const links = findLinks(template, origin);
  if (links.length === 0) return template;
  let out = "";
  let at = 0;
  for (const link of links) {
    out += template.slice(at, link.start) + shortUrlFor(link.url);
    at = link.end;
  }
  return out + template.slice(at);
}

/** The template as counted and previewed: every link as a short link of the real length (or as written). */
export function withExampleShortLinks(template: string, shortening: LinkShortening | null | undefined): string {
  return shortening ? shortenTemplate(template, shortening.origin, () => shortening.exampleUrl) : template;
}
