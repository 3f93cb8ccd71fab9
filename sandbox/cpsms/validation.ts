import { checkMsisdn } from "../shared/phone";

export type RecipientCheck =
  | { ok: true; msisdn: string; countryCode: string }
  | { ok: false; to: string; code: 400 | 409; message: string };

/** CPSMS wants digits with the country code; the per-recipient wording comes from the docs and a client mock. */
export function checkRecipient(raw: unknown): RecipientCheck {
  const check = checkMsisdn(raw);
  if (check.ok) return check;
  return check.reason === "not_a_number"
    ? { ok: false, to: check.to, code: 409, message: "Phone number should be specified as a number" }
    : { ok: false, to: check.to, code: 400, message: "Phone number length and country code do not match." };
}

const SENDER_CHARACTERS = /^[A-Za-z0-9 ÆØÅæøå.\-_&+!?']+$/;

/** Alphanumeric ≤11 or numeric ≤15 (the stricter of the two documented limits). */
export function checkSender(from: string): { status: number; message: string } | null {
  if (from.length === 0) return { status: 400, message: "Sender name is required" };
  if (/^\d+$/.test(from))
    return from.length <= 15 ? null : { status: 400, message: "A numeric sender can be at most 15 digits" };
  if (from.length > 11) return { status: 400, message: "Sender name can be at most 11 characters" };
  if (!SENDER_CHARACTERS.test(from)) return { status: 406, message: "Characters not allowed in sender name" };
  return null;
}

/** Points per segment for a country. */
export function pointPrice(countryCode: string, prices: Record<string, number>, fallback: number): number {
  return prices[countryCode] ?? fallback;
}

/** True for http(s) URLs. */
export function isValidDlrUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
