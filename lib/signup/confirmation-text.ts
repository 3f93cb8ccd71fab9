import "server-only";
import { createTranslator } from "use-intl/core";
import { type GuestLocale, INTL_LOCALE } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * The double opt-in text, in the guest's language: who it is from, the link, how long it works, and what to do
 * if it wasn't them. It carries a link rather than asking for a reply because letter senders ("CafeRevenue")
 * can't receive replies.
 */
export async function confirmationText(
  language: GuestLocale,
  values: { restaurant: string; link: string; hours: number },
) {
  const t = createTranslator({
    locale: INTL_LOCALE[language],
    messages: await loadMessages(language),
    namespace: "Guest.join",
  });
  return t("confirmationText", values);
}
