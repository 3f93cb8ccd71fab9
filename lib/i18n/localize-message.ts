import { createTranslator } from "use-intl/core";
import { type AppLocale, INTL_LOCALE } from "./locales";
import { loadMessages } from "./messages";

/** A catalogue key: a namespace, then dot-separated names (Errors.sessionEnded). */
const KEY = /^[A-Z][A-Za-z]+(\.[A-Za-z0-9_]+)+$/;

export type MessageValues = Record<string, string | number | Date>;

/**
 * Server-side messages (AppError texts, zod validation messages) are written as catalogue keys and translated
 * here into the language of the request that will show them. A message that is not a key passes through as it
 * is (a provider's own wording, an address).
 *
 * Plain `use-intl/core` and a lazily imported request locale rather than `next-intl/server`, so library code
 * that throws AppErrors also loads outside Next (the launcher, the worker, unit tests): there, and whenever no
 * request is at hand, the message reads in English.
 */
export async function localizeMessage(message: string, values?: MessageValues, locale?: AppLocale): Promise<string> {
  if (!KEY.test(message)) return message;
  const chosen = locale ?? (await currentLocale());
  const t = createTranslator({ locale: INTL_LOCALE[chosen], messages: await loadMessages(chosen) });
  // biome-ignore lint/suspicious/noExplicitAny: the key is checked against the catalogue at run time (t.has).
  const key = message as any;
  return t.has(key) ? t(key, values as never) : message;
}

async function currentLocale(): Promise<AppLocale> {
  try {
    const { requestLocale } = await import("./request-locale");
    return (await requestLocale()).locale;
  } catch {
    return "en"; // no request (a job, a test): English
  }
}
