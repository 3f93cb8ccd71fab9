import type { CountryCode } from "libphonenumber-js";
import { getExampleNumber } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { GuestLanguageSwitch } from "@/components/guest/guest-language-switch";
import { birthdayDate } from "@/lib/contacts/birthday";
import { getDb } from "@/lib/db";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { type GuestLocale, guestLocaleOf, INTL_LOCALE } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { logoUrl, logoVersion } from "@/lib/restaurant/logo";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { countScan } from "@/lib/signup/count-scan";
import { findSourceBySlug } from "@/lib/signup/find-source";
import { formStamp } from "@/lib/signup/request-keys";
import { getSignupSettings } from "@/lib/signup/signup-settings";
import { signupWording, wordingHash } from "@/lib/signup/signup-wording";
import { JoinForm } from "./join-form";

/**
 * The guests' sign-up page, `/join` or `/join/<source>` (a table tent's QR code): phone-first, in the guest's
 * language (their browser's, or the switch's `?lang=`), with the restaurant's name and the exact consent wording
 * above the button. Each view counts as a scan of its source, except the re-renders the language switch causes.
 */
export async function JoinPage({
  slug,
  switchedLanguage,
  posted,
}: {
  slug: string | null;
  switchedLanguage: boolean;
  /** The query after a post without script (lib/signup/join-post.ts): `sent`, or a problem's catalogue key. */
  posted: { sent?: string | string[]; problem?: string | string[] };
}) {
  const db = getDb();
  const [restaurant, settings, source, logo, locale, t] = await Promise.all([
    getRestaurantSettings(db),
    getSignupSettings(db),
    slug === null ? null : findSourceBySlug(db, slug),
    logoVersion(db),
    getLocale(),
    getTranslations("Guest.join"),
  ]);
  if (slug !== null && !source) notFound();
  if (!switchedLanguage) after(() => countScan(db, source?.id ?? null, restaurant.timeZone));
  const language: GuestLocale = guestLocaleOf(locale) ?? "en";
  const wording = await signupWording(settings, language, restaurant.name);
  const path = slug === null ? "/join" : `/join/${slug}`;

  return (
    <main className="flex min-h-dvh flex-col items-center gap-4 px-4 py-8 sm:justify-center">
      <div className="w-full max-w-sm space-y-5 rounded-xl border bg-card p-5 shadow-sm sm:p-6">
        <header className="space-y-1 text-center">
          {logo ? (
            // biome-ignore lint/performance/noImgElement: a small uploaded image served by our own route; next/image would add its optimiser's round trip for nothing.
            <img src={logoUrl(logo)!} alt="" className="mx-auto mb-2 max-h-16 max-w-[60%] object-contain" />
          ) : null}
          <p className="text-sm font-medium text-muted-foreground">{restaurant.name}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("lead", { restaurant: restaurant.name })}</p>
        </header>
        <ClientMessages area="guestJoin">
          <JoinForm
            language={language}
            source={slug ?? ""}
            stamp={formStamp()}
            wording={wording}
            wordingHash={wordingHash(wording)}
            phoneExample={exampleNumber(restaurant.defaultCountry)}
            months={monthNames(language)}
            expiryHours={settings.expiryHours}
            posted={posted.sent === "1" ? "sent" : await postedProblem(posted.problem, language)}
          />
        </ClientMessages>
      </div>
      <GuestLanguageSwitch path={path} />
    </main>
  );
}

/** The problem's words, for the keys the sign-up post answers with (none takes a placeholder), else null. */
async function postedProblem(key: string | string[] | undefined, language: GuestLocale) {
  if (typeof key !== "string" || !POSTED_PROBLEM.test(key)) return null;
  return localizeMessage(key, undefined, language);
}
const POSTED_PROBLEM =
  /^Guest\.join\.(errors\.\w+|phoneProblems\.\w+|capped)$|^Errors\.(unexpectedForm|controlCharacters|internal)$/;

/** A mobile number of the restaurant's country as people there write it: the phone field's placeholder. */
function exampleNumber(country: string): string {
  return getExampleNumber(country as CountryCode, examples)?.formatNational() ?? "";
}

function monthNames(language: GuestLocale): string[] {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[language], { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => format.format(birthdayDate(i + 1, 15)));
}
