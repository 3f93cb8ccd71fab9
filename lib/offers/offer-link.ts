import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { publicBaseUrl } from "@/lib/consent/opt-out-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatOfferCode, OFFER_CODE_LENGTH, parseOfferCode } from "./offer-code";
import { OFFER_LINK_PATH, OFFER_LINK_SIGNATURE_LENGTH } from "./offer-link-shape";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 62⁸ ≈ 2.2 × 10¹⁴ (47.6 bits): a forged link is one guess in that many, on top of the code's own 40 bits. */
const SIGNATURE_SPACE = 62n ** BigInt(OFFER_LINK_SIGNATURE_LENGTH);

let derived: { secret: string; key: Buffer } | undefined;

/**
 * The link key, derived from ENCRYPTION_KEY with HKDF under its own label (as lib/api/key-secret.ts does), so it
 * is never the same key as anything else's and changing ENCRYPTION_KEY retires every link sent before.
 */
function linkKey(): Buffer {
  const secret = env().ENCRYPTION_KEY;
  if (!secret) throw new AppError("CONFIG", "Providers.secrets.noKey");
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, "cafe-de-revenue", "offer-link v1", 32)) };
  }
  return derived.key;
}

/** The 8 base62 characters that prove our server wrote this link for this code (HMAC-SHA256, truncated). */
export function offerLinkSignature(code: string): string {
  const mac = createHmac("sha256", linkKey()).update(code).digest();
  let n = mac.readBigUInt64BE(0) % SIGNATURE_SPACE;
  let out = "";
  for (let i = 0; i < OFFER_LINK_SIGNATURE_LENGTH; i++) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

/** The path segment of a code's guest page: the canonical code and its signature, 16 characters. */
export function offerLinkToken(code: string): string {
  return `${code}${offerLinkSignature(code)}`;
}

/** The guest's page for their code, as texted through `{offer_link}`: always the same length for one install. */
export function offerUrl(code: string): string {
  return `${publicBaseUrl()}${OFFER_LINK_PATH}${offerLinkToken(code)}`;
}

/**
 * A recipient's merge values for `{offer_code}` and, when the text may use it, `{offer_link}` (none without a
 * code). `template` is the text being rendered: the link is signed only when it can appear there.
 */
export function offerMergeValues(
  code: string | undefined,
  template: string,
): { offerCode?: string; offerUrl?: string } {
  if (!code) return {};
  return template.includes("offer_link")
    ? { offerCode: formatOfferCode(code), offerUrl: offerUrl(code) }
    : { offerCode: formatOfferCode(code) };
}

/**
 * The code a guest-page token carries, or null when the token was not written by us for it (wrong length, not a
 * canonical code, or a signature that doesn't match). Only a canonical code is accepted: the page must not become
 * a forgiving lookup like the till's.
 */
export function verifyOfferLinkToken(token: string): string | null {
  if (token.length !== OFFER_CODE_LENGTH + OFFER_LINK_SIGNATURE_LENGTH) return null;
  const code = token.slice(0, OFFER_CODE_LENGTH);
  if (parseOfferCode(code) !== code) return null;
  const given = Buffer.from(token.slice(OFFER_CODE_LENGTH));
  const expected = Buffer.from(offerLinkSignature(code));
  return given.length === expected.length && timingSafeEqual(given, expected) ? code : null;
}
