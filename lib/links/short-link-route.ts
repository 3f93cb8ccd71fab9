import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import { getDb, getPool } from "@/lib/db";
import { GUEST_LOCALES, type GuestLocale, guestLocaleOf, isGuestLocale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { logger } from "@/lib/logger";
import type { DirectAnswer, DirectRequest, DirectRoute } from "@/lib/runtime/direct-routes";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { requestBotReason, USER_AGENT_MAX_CHARS } from "./click-verdict";
import { LINK_PAGE_CSP, type LinkPageKind, linkPage } from "./link-page";
import { recordClick } from "./record-click";
import { isLinkCode, SHORT_LINK_PREFIX } from "./short-link";

/** Where short links live; the launcher answers every path under it (lib/runtime/app-direct-routes.ts). */
export const SHORT_LINK_ROUTE_KEY = `${SHORT_LINK_PREFIX}*`;

// The page's name and language fallback may be a minute old; a burst of bad links reads them once.
const restaurantProfile = sharedResult({ ttlMs: 60_000, keyOf: () => "" }, () => getRestaurantSettings(getDb()));

/**
 * `GET|HEAD /l/<code>`: records the request in link_clicks (bot verdict by user agent, HEAD, or timing), then
 * redirects (302) to the URL staff wrote. Unknown, malformed or expired: a friendly page (404/410) in the
 * guest's language. A malformed code (wrong length, other characters) never reaches the database. No cookie is
 * read or set; nothing here depends on who asks.
 */
export async function answerShortLink(request: DirectRequest): Promise<DirectAnswer> {
  const code = request.path.slice(SHORT_LINK_PREFIX.length);
  if (!isLinkCode(code)) return page("unknown", request, null);
  const ua = header(request, "user-agent");
  const outcome = await recordClick(getPool(), {
    code,
    reason: requestBotReason(request.method, ua),
    userAgent: ua ? ua.slice(0, USER_AGENT_MAX_CHARS) : null,
  });
  if (outcome.state === "redirect") {
    return { status: 302, location: outcome.url, headers: { "cache-control": "no-store" } };
  }
  return page(outcome.state, request, outcome.state === "expired" ? outcome.language : null);
}

/** The route as the launcher and the Next fallback (app/l/[code]/route.ts) serve it. */
export const shortLinkRoute: DirectRoute = { methods: ["GET", "HEAD"], maxBodyBytes: 0, answer: answerShortLink };

async function page(kind: LinkPageKind, request: DirectRequest, guestLanguage: string | null): Promise<DirectAnswer> {
  let restaurant = { name: "", defaultLocale: "en" };
  try {
    restaurant = await restaurantProfile(undefined);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "short link page without the restaurant's name");
  }
  const chosen = request.query.get("lang");
  const locale: GuestLocale =
    (isGuestLocale(chosen) ? chosen : null) ??
    guestLocaleOf(guestLanguage) ??
    negotiateLocale(header(request, "accept-language") ?? null, GUEST_LOCALES) ??
    guestLocaleOf(restaurant.defaultLocale) ??
    "en";
  return {
    status: kind === "expired" ? 410 : 404,
    html: await linkPage(kind, locale, restaurant.name),
    headers: { "content-security-policy": LINK_PAGE_CSP, "x-robots-tag": "noindex" },
  };
}

function header(request: DirectRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
