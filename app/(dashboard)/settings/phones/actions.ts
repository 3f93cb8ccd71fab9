"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { addStaffPhone, removeStaffPhone } from "@/lib/test-sends/staff-phones";
import { addStaffPhoneSchema, removeStaffPhoneSchema } from "@/lib/validation/test-sends";

const managers = { role: "manager" } as const;
const PAGE = "/settings/phones";

/** Adds a named test phone that everyone may send tests to. */
export const addStaffPhoneAction = defineAction(addStaffPhoneSchema, managers, async (input, user) => {
  const row = await addStaffPhone(getDb(), user, input);
  revalidatePath(PAGE);
  return { id: row.id, name: row.name, phone: row.phone };
});

/** Removes a test phone. */
export const removeStaffPhoneAction = defineAction(removeStaffPhoneSchema, managers, async ({ id }, user) => {
  await removeStaffPhone(getDb(), user, id);
  revalidatePath(PAGE);
  return { removed: true };
});
