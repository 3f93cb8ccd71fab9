import { getRequestConfig } from "next-intl/server";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { formats } from "./formats";

/**
 * next-intl's per-request configuration (no locale in the URL): the language lib/i18n/request-locale.ts chose,
 * as a regional locale so dates and numbers read the local way, and always the restaurant's time zone.
 */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await requestLocale();
  return {
    locale: INTL_LOCALE[locale],
    messages: await loadMessages(locale),
    timeZone,
    formats,
  };
});
