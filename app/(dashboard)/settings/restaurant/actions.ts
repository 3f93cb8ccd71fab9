"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { saveProviderRoutes, saveRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { providerRoutesSchema, restaurantSettingsSchema } from "@/lib/validation/restaurant";

const owner = { role: "owner" } as const;

export const saveRestaurantSettingsAction = defineAction(restaurantSettingsSchema, owner, async (input, user) => {
  await saveRestaurantSettings(getDb(), input, user.id);
  revalidatePath("/", "layout");
  return { saved: true };
});

export const saveProviderRoutesAction = defineAction(providerRoutesSchema, owner, async (input, user) => {
  await saveProviderRoutes(getDb(), input, user.id);
  revalidatePath("/settings/restaurant");
  return { saved: true };
});
