import { parsePhoneNumberFromString } from "libphonenumber-js";

export type MsisdnCheck =
  | { ok: true; msisdn: string; countryCode: string }
  | { ok: false; to: string; reason: "not_a_number" | "length_mismatch" };

/** Digits with a country code, of a length that country's numbering plan allows (libphonenumber metadata). */
export function checkMsisdn(raw: unknown): MsisdnCheck {
  const to = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : (JSON.stringify(raw) ?? "");
  if (!/^\d+$/.test(to)) return { ok: false, to, reason: "not_a_number" };
  const parsed = parsePhoneNumberFromString(`+${to}`);
  if (!parsed?.isPossible()) return { ok: false, to, reason: "length_mismatch" };
  return { ok: true, msisdn: to, countryCode: parsed.countryCallingCode };
}
