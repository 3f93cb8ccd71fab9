import { eq } from "drizzle-orm";
import { restaurantSettings, type RestaurantSettings } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

export type RestaurantSettingsValues = Pick<
  RestaurantSettings,
  "name" | "defaultCountry" | "timeZone" | "quietHoursStart" | "quietHoursEnd"
>;

export const DEFAULT_RESTAURANT_SETTINGS: RestaurantSettingsValues = {
  name: "My restaurant",
  defaultCountry: "DK",
  timeZone: "Europe/Copenhagen",
  quietHoursStart: "20:00",
  quietHoursEnd: "09:00",
};

/** The restaurant's settings; the defaults until the owner saves them. */
export async function getRestaurantSettings(db: Database): Promise<RestaurantSettingsValues> {
  const [row] = await db.select().from(restaurantSettings).where(eq(restaurantSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_RESTAURANT_SETTINGS;
  const { name, defaultCountry, timeZone, quietHoursStart, quietHoursEnd } = row;
  return { name, defaultCountry, timeZone, quietHoursStart, quietHoursEnd };
}

/** Saves the restaurant's settings (the single row, created on first save). */
export async function saveRestaurantSettings(db: Database, values: RestaurantSettingsValues, actorId: string | null) {
  await db
    .insert(restaurantSettings)
    .values({ id: 1, ...values, updatedBy: actorId })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { ...values, updatedBy: actorId, updatedAt: new Date() } });
}
