import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

export type NormalizedPhone = { ok: true; e164: string; country: string | undefined } | { ok: false; reason: string };

/** Number types that can receive an SMS; FIXED_LINE_OR_MOBILE is kept because some plans cannot tell. */
const SMS_CAPABLE = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER", "VOIP"]);

/**
 * Reads a phone number as staff or a spreadsheet write it ("20 12 34 56", "0045 2012 3456", "+92 300 1234567",
 * "03001234567") into E.164, using the restaurant's default country when there is no country code. Numbers that
 * cannot receive SMS (landlines, premium lines) are refused with the reason.
 */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedPhone {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "The phone number is empty." };
  if (/[a-z]/i.test(text.replace(/\s*(ext\.?|x)\s*\d+$/i, "")))
    return { ok: false, reason: `"${clip(text)}" has letters in it.` };
  const compact = text.replace(/[\s().\-/]/g, "").replace(/^00(?=\d)/, "+");
  const parsed = parsePhoneNumberFromString(compact, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed) return { ok: false, reason: `"${clip(text)}" is not a phone number.` };
  if (!parsed.isPossible()) return { ok: false, reason: `"${clip(text)}" has the wrong number of digits.` };
  if (!parsed.isValid())
    return {
      ok: false,
      reason: `"${clip(text)}" is not a valid number${parsed.country ? ` in ${parsed.country}` : ""}.`,
    };
  const type = parsed.getType();
  if (type && !SMS_CAPABLE.has(type))
    return { ok: false, reason: `${parsed.number} is a ${describeType(type)} number and cannot receive SMS.` };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/** E.164 shown the way the guest's own country writes it ("+45 20 12 34 56"). */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function describeType(type: string) {
  return type.toLowerCase().replace(/_/g, " ").replace("fixed line", "landline");
}

function clip(s: string) {
  return s.length > 32 ? `${s.slice(0, 32)}…` : s;
}
