import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { findOptOut } from "@/lib/consent/opt-out";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { type AppLocale, GUEST_LOCALES, guestLocaleOf, isGuestLocale, isStaffLocale, STAFF_LOCALES } from "./locales";
import { negotiateLocale } from "./negotiate";
import { REQUEST_URL_HEADER } from "./request-url-header";

/** A guest's public page: /o/<token> (opt-out). Later public pages join here. */
const GUEST_PAGE = /^\/o\/([^/?#]+)/;

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
  const guestPage = GUEST_PAGE.exec(url.pathname);
  if (guestPage) {
    const chosen = url.searchParams.get("lang");
    const contact = isGuestLocale(chosen) ? null : await findOptOut(db, safeDecode(guestPage[1]!));
    const locale =
      (isGuestLocale(chosen) ? chosen : null) ??
      guestLocaleOf(contact?.language) ??
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
