"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/users/manage-users";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/users";

const OWNER = { role: "owner" } as const;

/** Creates a user; returns the generated temporary password once when none was chosen. */
export const createUserAction = defineAction(createUserSchema, OWNER, async (input, user) => {
  const result = await createUser(getDb(), user, input);
  revalidatePath("/settings/users");
  return result;
});

export const changeUserRoleAction = defineAction(changeRoleSchema, OWNER, async ({ userId, role }, user) => {
  await changeUserRole(getDb(), user, userId, role);
  revalidatePath("/settings/users");
  return { userId, role };
});

export const setUserActiveAction = defineAction(setActiveSchema, OWNER, async ({ userId, active }, user) => {
  await setUserActive(getDb(), user, userId, active);
  revalidatePath("/settings/users");
  return { userId, active };
});

/** Issues a temporary password (shown once to the owner) and signs the user out everywhere. */
export const resetUserPasswordAction = defineAction(resetPasswordSchema, OWNER, async ({ userId }, user) => {
  const result = await resetUserPassword(getDb(), user, userId);
  revalidatePath("/settings/users");
  return result;
});
