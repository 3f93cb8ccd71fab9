import { createTranslator } from "use-intl/core";
import { type AppLocale, INTL_LOCALE } from "./locales";
import { loadMessages } from "./messages";
import { unpackMessage } from "./packed-message";

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
  const packed = unpackMessage(message);
  if (!packed) return message;
  const tr = await translatorFor(locale ?? (await currentLocale()));
  return tr.has(packed.key) ? translate(tr, packed.key, { ...packed.values, ...values }) : message;
}

type Translate = { has(key: string): boolean } & ((key: string, values?: MessageValues) => string);

// One translator per language for the life of the process: the catalogue is part of the build, and a translator
// keeps the messages it has parsed (creating one per message re-resolved the locale and re-parsed every time).
const translators = new Map<AppLocale, Promise<Translate>>();

function translatorFor(locale: AppLocale): Promise<Translate> {
  let translator = translators.get(locale);
  if (!translator) {
    translator = loadMessages(locale).then(
      (messages) => createTranslator({ locale: INTL_LOCALE[locale], messages }) as unknown as Translate,
    );
    translators.set(locale, translator);
  }
  return translator;
}

function translate(t: Translate, key: string, values: MessageValues): string {
  // A value that is itself a message (a key, or a key packed with its values by `withValues`) reads in the same
  // language: e.g. the `{problem}` of "Sender … can't be used with CPSMS.dk: {problem}".
  const inner: MessageValues = {};
  for (const [name, value] of Object.entries(values)) {
    const packed = typeof value === "string" ? unpackMessage(value) : null;
    inner[name] = packed && t.has(packed.key) ? translate(t, packed.key, packed.values ?? {}) : value;
  }
  return t(key, inner);
}

async function currentLocale(): Promise<AppLocale> {
  try {
    const { requestLocale } = await import("./request-locale");
    return (await requestLocale()).locale;
  } catch {
    return "en"; // no request (a job, a test): English
  }
}
