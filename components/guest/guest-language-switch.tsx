import { getLocale, getTranslations } from "next-intl/server";
import { baseLocale, GUEST_LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";

/**
 * The guest's own choice of language: plain links (no script needed), each language named in itself and marked
 * with its own `lang` so screen readers pronounce it right. The page keeps the choice in `?lang=`.
 */
export async function GuestLanguageSwitch({ path }: { path: string }) {
  const t = await getTranslations("Guest");
  const current = baseLocale(await getLocale());
  return (
    <nav aria-label={t("languageSwitch")} className="flex items-center justify-center gap-1 text-sm">
      {GUEST_LOCALES.map((locale) =>
        locale === current ? (
          <span key={locale} lang={locale} aria-current="true" className="rounded-md px-2.5 py-1.5 font-semibold">
            {LOCALE_NAMES[locale]}
          </span>
        ) : (
          <a
            key={locale}
            href={`${path}?lang=${locale}`}
            lang={locale}
            hrefLang={locale}
            className="rounded-md px-2.5 py-1.5 text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          >
            {LOCALE_NAMES[locale]}
          </a>
        ),
      )}
    </nav>
  );
}
