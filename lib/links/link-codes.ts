import "server-only";
import { randomBytes } from "node:crypto";
import { publicBaseUrl } from "@/lib/consent/opt-out-link";
import { LINK_CODE_ALPHABET, LINK_CODE_LENGTH, type LinkShortening, shortenTemplate, shortLinkUrl } from "./short-link";

/** How long a short link redirects after its text is created; then it shows "this link has expired". */
export const LINK_LIFETIME_DAYS = 180;

/** A random link code: uniform over the alphabet (bytes past the last whole multiple of 62 are drawn again). */
export function newLinkCode(): string {
  const limit = 256 - (256 % LINK_CODE_ALPHABET.length);
  let code = "";
  while (code.length < LINK_CODE_LENGTH) {
    for (const byte of randomBytes(LINK_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += LINK_CODE_ALPHABET[byte % LINK_CODE_ALPHABET.length];
      if (code.length === LINK_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Our own origin and a short link of the real length, for counts and previews (compose, automations). */
export function linkShortening(): LinkShortening {
  const base = publicBaseUrl();
  return { origin: new URL(base).origin, base, exampleUrl: shortLinkUrl(base, "a1B2c3D4") };
}

/**
 * One recipient's template with each link replaced by their own new short link, and the links to write
 * (`CampaignRecipient.links`). Called once per recipient, so every guest gets codes of their own.
 */
export function shortenForRecipient(template: string, shortening: LinkShortening) {
  const byUrl = new Map<string, string>();
  const text = shortenTemplate(template, shortening.origin, (url) => {
    let code = byUrl.get(url);
    if (!code) {
      code = newLinkCode();
      byUrl.set(url, code);
    }
    return shortLinkUrl(shortening.base, code);
  });
  return { template: text, links: [...byUrl].map(([url, code]) => ({ code, url })) };
}
