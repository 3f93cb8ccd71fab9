// The languages the product speaks. Staff work in Danish or English; guests (public pages, and the messages
// they receive) also in Urdu. Catalogues live in messages/<locale>/.

export const STAFF_LOCALES = ["da", "en"] as const;
export const GUEST_LOCALES = ["da", "en", "ur"] as const;

export type StaffLocale = (typeof STAFF_LOCALES)[number];
export type GuestLocale = (typeof GUEST_LOCALES)[number];
export type AppLocale = GuestLocale;

/** Each language in its own words: what a language picker shows, whatever the page's language. */
export const LOCALE_NAMES: Record<AppLocale, string> = { da: "Dansk", en: "English", ur: "اردو" };

/**
 * The regional locale dates and numbers are formatted with. A bare "en" formats the American way
 * (12/03/2026, 12:00 PM); the restaurants are in Denmark and Pakistan, so English is British English.
 */
export const INTL_LOCALE = { da: "da-DK", en: "en-GB", ur: "ur-PK" } as const satisfies Record<AppLocale, string>;
export type IntlLocale = (typeof INTL_LOCALE)[AppLocale];

export function isStaffLocale(value: unknown): value is StaffLocale {
  return typeof value === "string" && (STAFF_LOCALES as readonly string[]).includes(value);
}

export function isGuestLocale(value: unknown): value is GuestLocale {
  return typeof value === "string" && (GUEST_LOCALES as readonly string[]).includes(value);
}

/** "da-DK" → "da": the language part of a tag, lower-cased. */
export function baseLocale(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/** A contact's stored language ("da", "ur-PK", "EN") as a guest locale we speak, or null. */
export function guestLocaleOf(tag: string | null | undefined): GuestLocale | null {
  if (!tag) return null;
  const base = baseLocale(tag.trim());
  return isGuestLocale(base) ? base : null;
}

/** Text direction: Urdu is written right to left. */
export function dirOf(locale: string): "ltr" | "rtl" {
  return baseLocale(locale) === "ur" ? "rtl" : "ltr";
}
