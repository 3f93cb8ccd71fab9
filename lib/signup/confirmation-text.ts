import "server-only";
import type { GuestLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";

/**
 * The double opt-in text, in the guest's language: who it is from, the link, how long it works, and what to do
 * if it wasn't them. It carries a link rather than asking for a reply because letter senders ("CafeRevenue")
 * can't receive replies.
 */
export function confirmationText(language: GuestLocale, values: { restaurant: string; link: string; hours: number }) {
  return localizeMessage("Guest.join.confirmationText", values, language);
}
