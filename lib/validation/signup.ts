import "./zod-browser";
import { z } from "zod";
import type { PerLanguage } from "@/drizzle/schema/signup-settings";
import { GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";

// Shared by Settings > Sign-up's forms and their server actions (no server-only imports here).

/** Longest consent wording: a sentence or two above the button, not terms and conditions. */
export const WORDING_MAX_CHARACTERS = 500;
export const EXPIRY_HOURS = { min: 1, max: 168 } as const;
export const HOURLY_CAP = { min: 1, max: 10_000 } as const;
export const SOURCE_NAME_MAX_CHARACTERS = 60;

const V = "Settings.signup.validation";

const text = (max: number, message: string) => z.string().trim().max(max, message);
const whole = (range: { min: number; max: number }, message: string) =>
  z.coerce.number(message).int(message).min(range.min, message).max(range.max, message);

/** The form's fields: one per language for each text (so a too-long one is marked where it is). */
const fields = {
  ...perLanguageFields("wording", () => text(WORDING_MAX_CHARACTERS, `${V}.wordingTooLong`)),
  expiryHours: whole(EXPIRY_HOURS, `${V}.expiryHours`),
  hourlyCap: whole(HOURLY_CAP, `${V}.hourlyCap`),
  hourlyCapPerCountry: whole(HOURLY_CAP, `${V}.hourlyCapPerCountry`),
};

type Prefix = "wording";
type PerLanguageFields<P extends Prefix, T> = Record<`${P}${Capitalize<GuestLocale>}`, T>;

/** The form field of one language's text: ("wording", "da") → "wordingDa". */
export function signupFieldName<P extends Prefix>(prefix: P, locale: GuestLocale) {
  return `${prefix}${locale[0]!.toUpperCase()}${locale.slice(1)}` as `${P}${Capitalize<GuestLocale>}`;
}

function perLanguageFields<P extends Prefix, T>(prefix: P, make: () => T): PerLanguageFields<P, T> {
  return Object.fromEntries(GUEST_LOCALES.map((l) => [signupFieldName(prefix, l), make()])) as PerLanguageFields<P, T>;
}

/** The per-language texts of one kind, leaving out the empty ones (empty means "use the default"). */
function collect(values: Record<string, unknown>, prefix: Prefix): PerLanguage {
  const out: PerLanguage = {};
  for (const l of GUEST_LOCALES) {
    const value = values[signupFieldName(prefix, l)];
    if (typeof value === "string" && value) out[l] = value;
  }
  return out;
}

/** Settings > Sign-up's form as sent, turned into the stored shape (texts per language). */
export const saveSignupSettingsSchema = z
  .object(fields)
  .superRefine((v, ctx) => {
    if (v.hourlyCapPerCountry > v.hourlyCap) {
      ctx.addIssue({ code: "custom", path: ["hourlyCapPerCountry"], message: `${V}.countryAboveOverall` });
    }
  })
  .transform((v) => ({
    consentWording: collect(v, "wording"),
    expiryHours: v.expiryHours,
    hourlyCap: v.hourlyCap,
    hourlyCapPerCountry: v.hourlyCapPerCountry,
  }));
export type SaveSignupSettingsForm = z.input<typeof saveSignupSettingsSchema>;
export type SaveSignupSettingsInput = z.output<typeof saveSignupSettingsSchema>;

/** The form's values for stored settings (numbers as the inputs' text). */
export function signupSettingsForm(values: SaveSignupSettingsInput) {
  const form: Record<string, string> = {
    expiryHours: String(values.expiryHours),
    hourlyCap: String(values.hourlyCap),
    hourlyCapPerCountry: String(values.hourlyCapPerCountry),
  };
  for (const l of GUEST_LOCALES) {
    form[signupFieldName("wording", l)] = values.consentWording[l] ?? "";
  }
  return form as SignupSettingsFormValues;
}

/** The form's state: every text as typed, numbers as the inputs' text. */
export type SignupSettingsFormValues = PerLanguageFields<Prefix, string> & {
  expiryHours: string;
  hourlyCap: string;
  hourlyCapPerCountry: string;
};

const sourceName = z
  .string()
  .trim()
  .min(1, `${V}.sourceNameRequired`)
  .max(SOURCE_NAME_MAX_CHARACTERS, `${V}.sourceNameTooLong`);

export const createSourceSchema = z.object({ name: sourceName });
export const renameSourceSchema = z.object({ id: z.uuid(`${V}.unknownSource`), name: sourceName });
export const archiveSourceSchema = z.object({ id: z.uuid(`${V}.unknownSource`) });
