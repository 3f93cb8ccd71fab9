import "server-only";
import { sharedResult } from "@/lib/cache/shared-result";
import { type Database, getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { findSourceBySlug } from "./find-source";
import { MIN_FILL_MS } from "./limits";
import { getSignupSettings } from "./signup-settings";

/** What a sign-up is checked against: the sign-up and restaurant settings, and the source its page named. */
export type JoinContext = {
  settings: Awaited<ReturnType<typeof getSignupSettings>>;
  restaurant: Awaited<ReturnType<typeof getRestaurantSettings>>;
  source: Awaited<ReturnType<typeof findSourceBySlug>>;
};

/** Reads it from the database. */
export async function loadJoinContext(db: Database, slug: string): Promise<JoinContext> {
  const [settings, restaurant, source] = await Promise.all([
    getSignupSettings(db),
    getRestaurantSettings(db),
    slug ? findSourceBySlug(db, slug) : null,
  ]);
  return { settings, restaurant, source };
}

/**
 * How long the form's answer may reuse a read. Shorter than the least time a form is on screen (MIN_FILL_MS),
 * so a form shown after a settings change (new wording, new caps) is always checked against the new settings.
 */
export const JOIN_CONTEXT_TTL_MS = 2_000;
if (JOIN_CONTEXT_TTL_MS >= MIN_FILL_MS) throw new Error("JOIN_CONTEXT_TTL_MS must stay below MIN_FILL_MS");

/**
 * The same, shared per process for JOIN_CONTEXT_TTL_MS: a room signing up at once reads the settings once, not
 * three queries per guest.
 */
export const sharedJoinContext = sharedResult<string, JoinContext>(
  { ttlMs: JOIN_CONTEXT_TTL_MS, keyOf: (slug) => slug },
  (slug) => loadJoinContext(getDb(), slug),
);
