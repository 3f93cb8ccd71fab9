import "./zod-browser";
import { z } from "zod";
import { STAFF_LOCALES } from "@/lib/i18n/locales";
import { PROVIDER_NAMES } from "@/lib/sms/providers";

// Shared by the settings form and its server action.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Settings.restaurant.validation.time");

// Labels are in the catalogue: Settings.restaurant.countries.<code>.
export const COUNTRIES = [
  { code: "DK", label: "Denmark (+45)" },
  { code: "PK", label: "Pakistan (+92)" },
  { code: "SE", label: "Sweden (+46)" },
  { code: "NO", label: "Norway (+47)" },
  { code: "DE", label: "Germany (+49)" },
  { code: "GB", label: "United Kingdom (+44)" },
  { code: "AE", label: "United Arab Emirates (+971)" },
] as const;

export const restaurantSettingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Settings.restaurant.validation.nameRequired")
    .max(80, "Settings.restaurant.validation.nameTooLong"),
  defaultCountry: z.enum(
    COUNTRIES.map((c) => c.code) as [string, ...string[]],
    "Settings.restaurant.validation.country",
  ),
  timeZone: z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "Settings.restaurant.validation.timeZone",
    ),
  defaultLocale: z.enum(STAFF_LOCALES, "Settings.restaurant.languageInvalid"),
  quietHoursStart: hhmm,
  quietHoursEnd: hhmm,
});
export type RestaurantSettingsInput = z.infer<typeof restaurantSettingsSchema>;

/** Provider routing rules for "automatic" (shared by the routing form and its action). */
export const providerRoutesSchema = z.object({
  rules: z
    .array(
      z.object({
        prefix: z
          .string()
          .trim()
          .regex(/^\+\d{1,6}$/, "Settings.restaurant.validation.prefix"),
        provider: z.enum(PROVIDER_NAMES, "Settings.restaurant.validation.provider"),
      }),
    )
    .max(30, "Settings.restaurant.validation.tooManyRules")
    .refine(
      (rules) => new Set(rules.map((r) => r.prefix)).size === rules.length,
      "Settings.restaurant.validation.duplicatePrefix",
    ),
  fallback: z.enum(PROVIDER_NAMES, "Settings.restaurant.validation.fallback"),
});
export type ProviderRoutesInput = z.infer<typeof providerRoutesSchema>;

/** Limits of the frequency cap's two numbers (the form's inputs and the server agree). */
export const FREQUENCY_CAP_LIMITS = { messages: { min: 1, max: 10 }, days: { min: 1, max: 30 } } as const;

/** The frequency cap (Settings > Restaurant): on or off, and at most `messages` promotions in any `days` days. */
export const frequencyCapSchema = z.object({
  enabled: z.boolean("Settings.restaurant.validation.capEnabled"),
  messages: z
    .number("Settings.restaurant.validation.capMessages")
    .int("Settings.restaurant.validation.capMessages")
    .min(FREQUENCY_CAP_LIMITS.messages.min, "Settings.restaurant.validation.capMessages")
    .max(FREQUENCY_CAP_LIMITS.messages.max, "Settings.restaurant.validation.capMessages"),
  days: z
    .number("Settings.restaurant.validation.capDays")
    .int("Settings.restaurant.validation.capDays")
    .min(FREQUENCY_CAP_LIMITS.days.min, "Settings.restaurant.validation.capDays")
    .max(FREQUENCY_CAP_LIMITS.days.max, "Settings.restaurant.validation.capDays"),
});
export type FrequencyCapInput = z.infer<typeof frequencyCapSchema>;

/**
 * The logo form's upload: FormData with the file under "logo". Its size and type are checked on its bytes in
 * lib/restaurant/logo.ts, never by the name or MIME type the browser sent.
 */
export const uploadLogoSchema = z
  .instanceof(FormData, { error: "Settings.restaurant.logo.errors.missing" })
  .transform((form) => form.get("logo"))
  .pipe(z.instanceof(File, { error: "Settings.restaurant.logo.errors.missing" }));

/** Removing the logo says so explicitly (an empty call changes nothing). */
export const removeLogoSchema = z.object({ remove: z.literal(true) });
