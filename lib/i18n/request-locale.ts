import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { guestOfferOf, optOutOf, signupLinkOf } from "@/lib/guest-pages/page-subjects";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { type AppLocale, GUEST_LOCALES, guestLocaleOf, isGuestLocale, isStaffLocale, STAFF_LOCALES } from "./locales";
import { negotiateLocale } from "./negotiate";
import { REQUEST_URL_HEADER } from "./request-url-header";

/** The guests' public pages: /o/<token> (opt-out), /join[/<source>] (sign-up), /j/<token> (its confirmation). */
const OPT_OUT_PAGE = /^\/o\/([^/?#]+)/;
const JOIN_PAGE = /^\/join(?:\/[^/?#]*)?$/;
const CONFIRM_PAGE = /^\/j\/([^/?#]+)/;
/** /c/<token>: a guest's offer code, shown at the till. */
const OFFER_PAGE = /^\/c\/([^/?#]+)/;

/**
 * This request's language and the restaurant's time zone.
 * - Staff pages: the user's own setting (Settings > Account), else the browser's Accept-Language, else the
 *   restaurant's default (Settings > Restaurant).
 * - Guest pages: the page's own switch (`?lang=`), else the contact's language, else the browser's, else the
 *   restaurant's default.
 */
export const requestLocale = cache(async (): Promise<{ locale: AppLocale; timeZone: string; guest: boolean }> => {
  const h = await headers();
  const db = getDb();
  const settings = await getRestaurantSettings(db);
  const fallback = isStaffLocale(settings.defaultLocale) ? settings.defaultLocale : "en";
  const url = new URL(h.get(REQUEST_URL_HEADER) ?? "/", "http://local");
  const optOut = OPT_OUT_PAGE.exec(url.pathname);
  const confirm = CONFIRM_PAGE.exec(url.pathname);
  const offer = OFFER_PAGE.exec(url.pathname);
  if (optOut || confirm || offer || JOIN_PAGE.test(url.pathname)) {
    const chosen = url.searchParams.get("lang");
    // A guest we know has a language: the contact's (opt-out), the one chosen when signing up (confirmation).
    const known = isGuestLocale(chosen)
      ? null
      : optOut
        ? (await optOutOf(safeDecode(optOut[1]!)))?.language
        : confirm
          ? (await signupLinkOf(safeDecode(confirm[1]!)))?.language
          : offer
            ? (await guestOfferOf(safeDecode(offer[1]!)))?.language
            : null;
    const locale =
      (isGuestLocale(chosen) ? chosen : null) ??
      guestLocaleOf(known) ??
      negotiateLocale(h.get("accept-language"), GUEST_LOCALES) ??
      fallback;
    return { locale, timeZone: settings.timeZone, guest: true };
  }
  const user = await getCurrentUser();
  const locale =
    (isStaffLocale(user?.locale) ? user.locale : null) ??
    negotiateLocale(h.get("accept-language"), STAFF_LOCALES) ??
    fallback;
  return { locale, timeZone: settings.timeZone, guest: false };
});

/** A path segment as typed: a malformed escape (a mangled link) is kept as it is, and simply matches no guest. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
