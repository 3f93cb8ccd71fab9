import "server-only";
import { eq } from "drizzle-orm";
import { type PerLanguage, type SignupSettings, signupSettings } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { type GuestLocale, isGuestLocale } from "@/lib/i18n/locales";

export type SignupSettingsValues = Omit<SignupSettings, "id" | "updatedBy" | "updatedAt">;

export const DEFAULT_SIGNUP_SETTINGS: SignupSettingsValues = {
  consentWording: {},
  expiryHours: 48,
  hourlyCap: 60,
  hourlyCapPerCountry: 30,
};

/** Settings > Sign-up; the defaults until an owner or manager saves them. */
export async function getSignupSettings(db: Database): Promise<SignupSettingsValues> {
  const [row] = await db.select().from(signupSettings).where(eq(signupSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_SIGNUP_SETTINGS;
  const { id: _id, updatedBy: _by, updatedAt: _at, ...values } = row;
  return values;
}

/**
 * A per-language text for a guest, with the language it is in: their language's, else the restaurant's default
 * language's, else English, else any that is set; null when none is.
 */
export function pickLanguage(
  texts: PerLanguage,
  language: GuestLocale,
  defaultLocale: string,
): { text: string; language: GuestLocale } | null {
  for (const l of [language, defaultLocale, "en", "da", "ur"]) {
    const text = isGuestLocale(l) ? texts[l]?.trim() : undefined;
    if (text && isGuestLocale(l)) return { text, language: l };
  }
  return null;
}
