// Plain functions (no database): the settings form counts segments with the same text that is sent.
import type { PerLanguage } from "@/drizzle/schema/signup-settings";
import { type GuestLocale, isGuestLocale } from "@/lib/i18n/locales";

/** The text as sent: the message, then the offer (if any) on a line of its own. */
export function automationSmsText(message: string, offer: string | null | undefined): string {
  const text = message.trim();
  const extra = offer?.trim();
  return extra ? `${text}\n${extra}` : text;
}

/**
 * A guest's text: their language's, else the restaurant's default language's, else English, else any set; with
 * the language it is in. null when no language has one.
 */
export function pickText(
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
