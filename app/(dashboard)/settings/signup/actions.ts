"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { archiveSource, createSource, renameSource } from "@/lib/signup/manage-sources";
import { saveSignupSettings } from "@/lib/signup/update-signup-settings";
import {
  archiveSourceSchema,
  createSourceSchema,
  renameSourceSchema,
  saveSignupSettingsSchema,
} from "@/lib/validation/signup";

const managers = { role: "manager" } as const;
const PAGE = "/settings/signup";

/** Saves the consent wording, the welcome text and the limits. */
export const saveSignupSettingsAction = defineAction(saveSignupSettingsSchema, managers, async (input, user) => {
  await saveSignupSettings(getDb(), input, user.id);
  revalidatePath(PAGE);
  return { saved: true };
});

/** Adds a source (a table tent, a receipt, a poster) with its own link. */
export const createSourceAction = defineAction(createSourceSchema, managers, async ({ name }, user) => {
  const source = await createSource(getDb(), name, user.id);
  revalidatePath(PAGE);
  return source;
});

/** Renames a source; its link stays as printed. */
export const renameSourceAction = defineAction(renameSourceSchema, managers, async ({ id, name }, user) => {
  const source = await renameSource(getDb(), id, name, user.id);
  revalidatePath(PAGE);
  return source;
});

/** Takes a source off the list; its link keeps working. */
export const archiveSourceAction = defineAction(archiveSourceSchema, managers, async ({ id }, user) => {
  const source = await archiveSource(getDb(), id, user.id);
  revalidatePath(PAGE);
  return source;
});
