import { z } from "zod";

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
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "Choose a time zone from the list."),
  quietHoursStart: hhmm,
  quietHoursEnd: hhmm,
});
export type RestaurantSettingsInput = z.infer<typeof restaurantSettingsSchema>;
