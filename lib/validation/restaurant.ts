import { z } from "zod";
import { STAFF_LOCALES } from "@/lib/i18n/locales";
import { PROVIDER_NAMES } from "@/lib/sms/providers";

// Shared by the settings form and its server action.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 20:00.");

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
  name: z.string().trim().min(1, "Enter the restaurant's name.").max(80, "Use at most 80 characters."),
  defaultCountry: z.enum(COUNTRIES.map((c) => c.code) as [string, ...string[]], "Choose a country."),
  timeZone: z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "Choose a time zone from the list.",
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
          .regex(/^\+\d{1,6}$/, "Write a prefix as + and up to 6 digits, e.g. +45."),
        provider: z.enum(PROVIDER_NAMES, "Choose a provider."),
      }),
    )
    .max(30, "Use at most 30 rules.")
    .refine((rules) => new Set(rules.map((r) => r.prefix)).size === rules.length, "Each prefix can appear only once."),
  fallback: z.enum(PROVIDER_NAMES, "Choose a provider for other numbers."),
});
export type ProviderRoutesInput = z.infer<typeof providerRoutesSchema>;
