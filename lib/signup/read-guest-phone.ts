import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { normalizePhone } from "@/lib/contacts/phone";
import { AppError } from "@/lib/errors";

/** A number the guest typed that we can't text: the message (a Guest.join.phoneProblems key) goes by its field. */
export class GuestPhoneProblem extends AppError {}

/** The reasons normalizePhone gives, as the guest page words them (Guest.join.phoneProblems.*). */
const GUEST_PROBLEMS = ["empty", "letters", "notANumber", "wrongDigits", "invalidIn", "invalid", "notMobile"];

/**
 * A guest's number as typed on the sign-up page, read with the restaurant's default country: E.164 and its
 * calling code ("+45"), or a clear reason in the guest's language. Landlines, premium and other numbers that
 * can't receive a text are refused (normalizePhone's rules, the same as the guest book's).
 */
export function readGuestPhone(raw: string, defaultCountry: string): { e164: string; callingCode: string } {
  const read = normalizePhone(raw, defaultCountry);
  if (!read.ok) {
    const reason = read.problem.key.split(".").at(-1) ?? "invalid";
    throw new GuestPhoneProblem(
      "INVALID_INPUT",
      `Guest.join.phoneProblems.${GUEST_PROBLEMS.includes(reason) ? reason : "invalid"}`,
    );
  }
  const callingCode = parsePhoneNumberFromString(read.e164)?.countryCallingCode;
  return { e164: read.e164, callingCode: `+${callingCode ?? "0"}` };
}
