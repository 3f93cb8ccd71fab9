import "server-only";
import { createHash } from "node:crypto";
import type { GuestLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import type { SignupSettingsValues } from "./signup-settings";

/** The consent sentence the sign-up page offers until one is set in Settings > Sign-up, in that language. */
export function defaultSignupWording(language: GuestLocale, restaurant: string): Promise<string> {
  return localizeMessage("Guest.join.defaultWording", { restaurant }, language);
}

/**
 * The exact consent wording a guest reading `language` sees above the button, and which the ledger records:
 * the one set for that language, else the default sentence in that language (never another language's text:
 * a guest must be able to read what they agree to).
 */
export async function signupWording(
  settings: Pick<SignupSettingsValues, "consentWording">,
  language: GuestLocale,
  restaurant: string,
): Promise<string> {
  return settings.consentWording[language]?.trim() || defaultSignupWording(language, restaurant);
}

/** A short fingerprint of a wording: the form carries the one it showed, so a changed wording is noticed. */
export function wordingHash(wording: string): string {
  return createHash("sha256").update(wording, "utf8").digest("base64url").slice(0, 16);
}
