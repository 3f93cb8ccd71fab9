import "server-only";
import { eq } from "drizzle-orm";
import { type PerLanguage, type SignupSettings, signupSettings } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { GuestLocale } from "@/lib/i18n/locales";

export type SignupSettingsValues = Omit<SignupSettings, "id" | "updatedBy" | "updatedAt">;

export const DEFAULT_SIGNUP_SETTINGS: SignupSettingsValues = {
  consentWording: {},
  welcomeEnabled: false,
  welcomeMessage: {},
  welcomeOffer: {},
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
 * A per-language text for a guest: their language's, else the restaurant's default language's, else English,
 * else any language that has one; null when none is set.
 */
export function pickLanguage(texts: PerLanguage, language: GuestLocale, defaultLocale: string): string | null {
  const order = [language, defaultLocale, "en", "da", "ur"] as const;
  for (const l of order) {
    const text = texts[l as GuestLocale]?.trim();
    if (text) return text;
  }
  return null;
}
