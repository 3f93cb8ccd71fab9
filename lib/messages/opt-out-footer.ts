import { type GuestLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import { listMergeFields } from "./merge-fields";

/** Message kinds: marketing needs consent and an easy opt-out; transactional (reminders, closures) does not. */
export type MessageCategory = "marketing" | "transactional";

/** The language a message (and so its footer) is written in: every language guests read. */
export type FooterLanguage = GuestLocale;

/**
 * Kept to one short line because every character is paid for: "\nStop: " is 7 characters plus the short link.
 * Danish guests get "Afmeld", the word Danish senders use for unsubscribing (æøå-free, so still GSM-7). Urdu
 * guests get "بند کریں" ("stop"): an Urdu text is UCS-2 already, so the footer costs no change of encoding.
 */
export const OPT_OUT_FOOTERS: Record<FooterLanguage, { label: string; text: string }> = {
  en: { label: LOCALE_NAMES.en, text: "\nStop: {opt_out_link}" },
  da: { label: LOCALE_NAMES.da, text: "\nAfmeld: {opt_out_link}" },
  ur: { label: LOCALE_NAMES.ur, text: "\nبند کریں: {opt_out_link}" },
};

/** The footer toggle's starting state: on for marketing (DK marketing act §10, PTA opt-out rule), off otherwise. */
export function defaultOptOutFooter(category: MessageCategory): boolean {
  return category === "marketing";
}

/**
 * The template as it will be sent: with the footer appended when asked, unless the writer already placed
 * {opt_out_link} themselves (a second link would only cost characters).
 */
export function withOptOutFooter(template: string, footer: boolean, language: FooterLanguage = "en"): string {
  if (!footer || templateHasOptOutLink(template)) return template;
  return template.replace(/\s+$/, "") + OPT_OUT_FOOTERS[language].text;
}

/** True when the template itself contains the guest's opt-out link. */
export function templateHasOptOutLink(template: string): boolean {
  return listMergeFields(template).includes("opt_out_link");
}

/** A warning when a marketing message would go out with no way to opt out; null when it is fine. */
export function optOutWarning(template: string, category: MessageCategory, footer: boolean): string | null {
  if (category !== "marketing" || footer || templateHasOptOutLink(template)) return null;
  return "Marketing texts must offer an easy, free way to opt out. Turn on the opt-out footer or add {opt_out_link}.";
}
