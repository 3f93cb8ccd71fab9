"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { saveProviderRoutes, saveRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { providerRoutesSchema, restaurantSettingsSchema } from "@/lib/validation/restaurant";

export const saveRestaurantSettingsAction = defineAction(
  restaurantSettingsSchema,
  { role: "owner" },
  async (input, user) => {
    const db = getDb();
    await saveRestaurantSettings(db, input, user.id);
    await recordAudit(db, {
      actorId: user.id,
      action: "settings.restaurant_saved",
      targetType: "settings",
      targetId: "restaurant",
      details: input,
    });
    revalidatePath("/", "layout");
    return { saved: true };
  },
);

export const saveProviderRoutesAction = defineAction(providerRoutesSchema, { role: "owner" }, async (input, user) => {
  const db = getDb();
  await saveProviderRoutes(db, input, user.id);
  await recordAudit(db, {
    actorId: user.id,
    action: "settings.routes_saved",
    targetType: "settings",
    targetId: "routes",
    details: input,
  });
  revalidatePath("/settings/restaurant");
  return { saved: true };
});
