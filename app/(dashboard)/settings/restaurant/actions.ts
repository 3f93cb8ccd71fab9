"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { removeLogo, saveLogo } from "@/lib/restaurant/logo";
import { saveFrequencyCap, saveProviderRoutes, saveRestaurantSettings } from "@/lib/settings/restaurant-settings";
import {
  frequencyCapSchema,
  providerRoutesSchema,
  removeLogoSchema,
  restaurantSettingsSchema,
  uploadLogoSchema,
} from "@/lib/validation/restaurant";

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

/** The frequency cap on promotions: read by every dispatch run from the next one on. */
export const saveFrequencyCapAction = defineAction(frequencyCapSchema, owner, async (input, user) => {
  await saveFrequencyCap(getDb(), input, user.id);
  revalidatePath("/settings/restaurant");
  revalidatePath("/compose");
  return { saved: true };
});

/** Replaces the logo the guest sign-up page and the table cards show. */
export const uploadLogoAction = defineAction(uploadLogoSchema, owner, async (file, user) => {
  const saved = await saveLogo(getDb(), Buffer.from(await file.arrayBuffer()), user.id);
  revalidatePath("/", "layout");
  return saved;
});

/** Removes the logo: the sign-up page and the cards show the restaurant's name alone. */
export const removeLogoAction = defineAction(removeLogoSchema, owner, async (_input, user) => {
  const removed = await removeLogo(getDb(), user.id);
  revalidatePath("/", "layout");
  return { removed };
});
