import "./zod-browser";
import { z } from "zod";
import type { PerLanguage } from "@/drizzle/schema/signup-settings";
import { GUEST_LOCALES, type GuestLocale } from "@/lib/i18n/locales";
import { withValues } from "@/lib/i18n/packed-message";
import { validateTemplate } from "@/lib/messages/validate-template";
import { welcomeSmsText } from "@/lib/signup/welcome-text";

// Shared by Settings > Sign-up's forms and their server actions (no server-only imports here).

/** Longest consent wording: a sentence or two above the button, not terms and conditions. */
export const WORDING_MAX_CHARACTERS = 500;
/** Longest welcome text, its offer line included: at most four GSM segments (nine in UCS-2), a modest cost. */
export const WELCOME_MAX_CHARACTERS = 600;
export const OFFER_MAX_CHARACTERS = 160;
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
  welcomeEnabled: z.boolean(),
  ...perLanguageFields("welcome", () => text(WELCOME_MAX_CHARACTERS, `${V}.welcomeTooLong`)),
  ...perLanguageFields("offer", () => text(OFFER_MAX_CHARACTERS, `${V}.offerTooLong`)),
  expiryHours: whole(EXPIRY_HOURS, `${V}.expiryHours`),
  hourlyCap: whole(HOURLY_CAP, `${V}.hourlyCap`),
  hourlyCapPerCountry: whole(HOURLY_CAP, `${V}.hourlyCapPerCountry`),
};

type Prefix = "wording" | "welcome" | "offer";
type PerLanguageFields<P extends Prefix, T> = Record<`${P}${Capitalize<GuestLocale>}`, T>;

/** The form field of one language's text: ("welcome", "da") → "welcomeDa". */
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
    if (v.welcomeEnabled && !GUEST_LOCALES.some((l) => v[signupFieldName("welcome", l)])) {
      ctx.addIssue({ code: "custom", path: ["welcomeEnabled"], message: `${V}.welcomeEmpty` });
    }
    // Only while it is on: switched off, its fields are hidden, and it is checked again when switched back on.
    for (const l of v.welcomeEnabled ? GUEST_LOCALES : []) {
      const sms = welcomeSmsText(v[signupFieldName("welcome", l)], v[signupFieldName("offer", l)]);
      if (v[signupFieldName("offer", l)] && !v[signupFieldName("welcome", l)]) {
        ctx.addIssue({ code: "custom", path: [signupFieldName("offer", l)], message: `${V}.offerWithoutMessage` });
      }
      if (sms.length > WELCOME_MAX_CHARACTERS) {
        ctx.addIssue({ code: "custom", path: [signupFieldName("welcome", l)], message: `${V}.welcomeTooLong` });
      }
      // Merge fields are filled in as compose fills them: an unknown one or a stray brace would reach the guest.
      const blocking = sms ? validateTemplate(sms).find((issue) => issue.severity === "error") : undefined;
      if (blocking) {
        const message = withValues(`Compose.issues.${blocking.key}`, blocking.values);
        ctx.addIssue({ code: "custom", path: [signupFieldName("welcome", l)], message });
      }
    }
    if (v.hourlyCapPerCountry > v.hourlyCap) {
      ctx.addIssue({ code: "custom", path: ["hourlyCapPerCountry"], message: `${V}.countryAboveOverall` });
    }
  })
  .transform((v) => ({
    consentWording: collect(v, "wording"),
    welcomeEnabled: v.welcomeEnabled,
    welcomeMessage: collect(v, "welcome"),
    welcomeOffer: collect(v, "offer"),
    expiryHours: v.expiryHours,
    hourlyCap: v.hourlyCap,
    hourlyCapPerCountry: v.hourlyCapPerCountry,
  }));
export type SaveSignupSettingsForm = z.input<typeof saveSignupSettingsSchema>;
export type SaveSignupSettingsInput = z.output<typeof saveSignupSettingsSchema>;

/** The form's values for stored settings (numbers as the inputs' text). */
export function signupSettingsForm(values: SaveSignupSettingsInput) {
  const form: Record<string, string | boolean> = {
    welcomeEnabled: values.welcomeEnabled,
    expiryHours: String(values.expiryHours),
    hourlyCap: String(values.hourlyCap),
    hourlyCapPerCountry: String(values.hourlyCapPerCountry),
  };
  for (const l of GUEST_LOCALES) {
    form[signupFieldName("wording", l)] = values.consentWording[l] ?? "";
    form[signupFieldName("welcome", l)] = values.welcomeMessage[l] ?? "";
    form[signupFieldName("offer", l)] = values.welcomeOffer[l] ?? "";
  }
  return form as SignupSettingsFormValues;
}

/** The form's state: every text as typed, numbers as the inputs' text. */
export type SignupSettingsFormValues = PerLanguageFields<Prefix, string> & {
  welcomeEnabled: boolean;
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
