// Plain functions (no database): the settings form counts segments with the same text that is sent.
import type { PerLanguage } from "@/drizzle/schema/signup-settings";
import { type GuestLocale, isGuestLocale } from "@/lib/i18n/locales";

/**
 * The text as sent: the message, then the offer (if any) on a line of its own, ending in the guest's own code
 * ("2 for 1 pizza: 7KQ2-M9XD") unless the message or the offer already place `{offer_code}` themselves.
 */
export function automationSmsText(message: string, offer: string | null | undefined): string {
  const text = message.trim();
  const extra = offer?.trim();
  if (!extra) return text;
  if (`${text}${extra}`.includes(OFFER_CODE_FIELD)) return `${text}\n${extra}`;
  return `${text}\n${extra}${/[.!?:]$/.test(extra) ? " " : ": "}${OFFER_CODE_FIELD}`;
}

const OFFER_CODE_FIELD = "{offer_code}";

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
