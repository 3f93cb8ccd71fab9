"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { saveAutomation, switchAutomation } from "@/lib/automations/save-automation";
import { getDb } from "@/lib/db";
import { saveAutomationSchema, switchAutomationSchema } from "@/lib/validation/automations";

const managers = { role: "manager" } as const;

/** Saves an automation's timing, texts, control group and switch. */
export const saveAutomationAction = defineAction(saveAutomationSchema, managers, async (input, user) => {
  await saveAutomation(getDb(), input, user.id);
  revalidatePath("/automations", "layout");
  return { saved: true };
});

/** Switches an automation on or off from the list. */
export const switchAutomationAction = defineAction(switchAutomationSchema, managers, async (input, user) => {
  await switchAutomation(getDb(), input.kind, input.enabled, user.id);
  revalidatePath("/automations", "layout");
  return { enabled: input.enabled };
});
