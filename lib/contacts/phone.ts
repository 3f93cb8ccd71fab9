import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Problem } from "./problem";

/**
 * A failure has the reason in English (`reason`, for callers that still show English) and as a catalogue key
 * (`problem`, `Contacts.phone.*`) to show in the reader's language.
 */
export type NormalizedPhone =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; reason: string; problem: Problem };

/** Number types that can receive an SMS; FIXED_LINE_OR_MOBILE is kept because some plans cannot tell. */
const SMS_CAPABLE = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER", "VOIP"]);

/**
 * Reads a phone number as staff or a spreadsheet write it ("20 12 34 56", "0045 2012 3456", "+92 300 1234567",
 * "03001234567") into E.164, using the restaurant's default country when there is no country code. Numbers that
 * cannot receive SMS (landlines, premium lines) are refused with the reason.
 */
export function normalizePhone(raw: string, defaultCountry: string): NormalizedPhone {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "The phone number is empty.", problem: { key: "Contacts.phone.empty" } };
  const number = clip(text);
  if (/[a-z]/i.test(text.replace(/\s*(ext\.?|x)\s*\d+$/i, "")))
    return {
      ok: false,
      reason: `"${number}" has letters in it.`,
      problem: { key: "Contacts.phone.letters", values: { number } },
    };
  const compact = text.replace(/[\s().\-/]/g, "").replace(/^00(?=\d)/, "+");
  const parsed = parsePhoneNumberFromString(compact, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed)
    return {
      ok: false,
      reason: `"${number}" is not a phone number.`,
      problem: { key: "Contacts.phone.notANumber", values: { number } },
    };
  if (!parsed.isPossible())
    return {
      ok: false,
      reason: `"${number}" has the wrong number of digits.`,
      problem: { key: "Contacts.phone.wrongDigits", values: { number } },
    };
  // The number's type is looked up once: with the full metadata a number is valid exactly when it has a type
  // (isValid() computes the same type and drops it), so isValid() is asked only for a number without one.
  const type = parsed.getType();
  if (type === undefined && !parsed.isValid())
    return {
      ok: false,
      reason: `"${number}" is not a valid number${parsed.country ? ` in ${parsed.country}` : ""}.`,
      problem: parsed.country
        ? { key: "Contacts.phone.invalidIn", values: { number, country: parsed.country } }
        : { key: "Contacts.phone.invalid", values: { number } },
    };
  if (type && !SMS_CAPABLE.has(type))
    return {
      ok: false,
      reason: `${parsed.number} is a ${describeType(type)} number and cannot receive SMS.`,
      problem: { key: "Contacts.phone.notMobile", values: { number: parsed.number, type } },
    };
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
