/**
 * The sign-up page's abuse limits. Per address is generous because a restaurant's guests share its Wi-Fi (one
 * address for a full room); per number is tight because every attempt texts that number. The caps on texts
 * per hour are settings (Settings > Sign-up): they depend on the restaurant's size.
 */
export const SIGNUPS_PER_ADDRESS_PER_HOUR = 30;
export const SIGNUPS_PER_NUMBER_PER_DAY = 3;
/** A person needs a few seconds to type a number and a name; scripts post at once. */
export const MIN_FILL_MS = 2_500;
/** A form left open longer than this is re-shown (its consent wording may have changed since). */
export const MAX_FORM_AGE_MS = 24 * 3600_000;
export const FIRST_NAME_MAX = 40;
