import "server-only";
import { eq } from "drizzle-orm";
import { type RestaurantSettings, restaurantSettings } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { DEFAULT_ROUTES, type ProviderRoutes } from "@/lib/campaigns/route-provider";
import type { Database } from "@/lib/db";

export type RestaurantSettingsValues = Pick<
  RestaurantSettings,
  "name" | "defaultCountry" | "timeZone" | "defaultLocale" | "quietHoursStart" | "quietHoursEnd"
>;

/** The frequency cap as set (Settings > Restaurant): kept when switched off, so switching on restores it. */
export type FrequencyCapSetting = { enabled: boolean; messages: number; days: number };

/** Everything the app reads: the editable basics plus the provider routing rules. */
export type RestaurantProfile = RestaurantSettingsValues & { routes: ProviderRoutes };

export const DEFAULT_RESTAURANT_SETTINGS: RestaurantSettingsValues = {
  name: "My restaurant",
  defaultCountry: "DK",
  timeZone: "Europe/Copenhagen",
  defaultLocale: "en",
  quietHoursStart: "20:00",
  quietHoursEnd: "09:00",
};

/** On by default, at one promotion per guest in any 3 days: see README, "Frequency cap", for why. */
export const DEFAULT_FREQUENCY_CAP: FrequencyCapSetting = { enabled: true, messages: 1, days: 3 };

const DEFAULT_PROFILE: RestaurantProfile = { ...DEFAULT_RESTAURANT_SETTINGS, routes: DEFAULT_ROUTES };

/** The restaurant's settings; the defaults until the owner saves them. */
export async function getRestaurantSettings(db: Database): Promise<RestaurantProfile> {
  const [row] = await db.select().from(restaurantSettings).where(eq(restaurantSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_PROFILE;
  const { name, defaultCountry, timeZone, defaultLocale, quietHoursStart, quietHoursEnd } = row;
  return {
    name,
    defaultCountry,
    timeZone,
    defaultLocale,
    quietHoursStart,
    quietHoursEnd,
    routes: { rules: row.routes, fallback: row.fallbackProvider },
  };
}

/** The frequency cap as set, with the time zone its calendar days are counted in; the default until saved. */
export async function getFrequencyCapSetting(db: Database): Promise<FrequencyCapSetting & { timeZone: string }> {
  const [row] = await db
    .select({
      enabled: restaurantSettings.frequencyCapEnabled,
      messages: restaurantSettings.frequencyCapMessages,
      days: restaurantSettings.frequencyCapDays,
      timeZone: restaurantSettings.timeZone,
    })
    .from(restaurantSettings)
    .where(eq(restaurantSettings.id, 1))
    .limit(1);
  return row ?? { ...DEFAULT_FREQUENCY_CAP, timeZone: DEFAULT_RESTAURANT_SETTINGS.timeZone };
}

/** Saves the frequency cap (Settings > Restaurant), with an audit entry. */
export async function saveFrequencyCap(db: Database, cap: FrequencyCapSetting, actorId: string | null) {
  const values = {
    frequencyCapEnabled: cap.enabled,
    frequencyCapMessages: cap.messages,
    frequencyCapDays: cap.days,
    updatedBy: actorId,
  };
  await db
    .insert(restaurantSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { ...values, updatedAt: new Date() } });
  await recordAudit(db, {
    actorId,
    action: "settings.frequency_cap_saved",
    targetType: "settings",
    targetId: "frequency_cap",
    details: cap,
  });
}

/** Saves the provider routing rules (Settings > Restaurant), with an audit entry. */
export async function saveProviderRoutes(db: Database, routes: ProviderRoutes, actorId: string | null) {
  const values = { routes: [...routes.rules], fallbackProvider: routes.fallback, updatedBy: actorId };
  await db
    .insert(restaurantSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { ...values, updatedAt: new Date() } });
  await recordAudit(db, {
    actorId,
    action: "settings.routes_saved",
    targetType: "settings",
    targetId: "routes",
    details: routes,
  });
}

/** Saves the restaurant's settings (the single row, created on first save), with an audit entry. */
export async function saveRestaurantSettings(db: Database, values: RestaurantSettingsValues, actorId: string | null) {
  await db
    .insert(restaurantSettings)
    .values({ id: 1, ...values, updatedBy: actorId })
    .onConflictDoUpdate({
      target: restaurantSettings.id,
      set: { ...values, updatedBy: actorId, updatedAt: new Date() },
    });
  await recordAudit(db, {
    actorId,
    action: "settings.restaurant_saved",
    targetType: "settings",
    targetId: "restaurant",
    details: values,
  });
}
