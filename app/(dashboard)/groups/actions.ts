"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { fixGroupDrift, linkGroupToCpsms, unlinkGroupFromCpsms } from "@/lib/groups/cpsms-sync";
import { createGroup, deleteGroup, renameGroup } from "@/lib/groups/manage-groups";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { groupNameSchema } from "@/lib/validation/contacts";

/** CPSMS's first refusal, in the reader's language (it may be a catalogue key). */
async function withLocalizedError<T extends { firstError: string | null }>(result: T): Promise<T> {
  return { ...result, firstError: result.firstError && (await localizeMessage(result.firstError)) };
}

const STAFF = { role: "staff" } as const;
const MANAGER = { role: "manager" } as const;

function revalidate() {
  revalidatePath("/groups", "layout");
  revalidatePath("/contacts", "layout");
}

export const createGroupAction = defineAction(
  z.object({ name: groupNameSchema, description: z.string().trim().max(200).default("") }),
  STAFF,
  async (input, user) => {
    const group = await createGroup(getDb(), user, input);
    revalidate();
    return { id: group.id, name: group.name };
  },
);

export const renameGroupAction = defineAction(
  z.object({ id: z.uuid(), name: groupNameSchema }),
  STAFF,
  async ({ id, name }, user) => {
    const { note } = await renameGroup(getDb(), user, id, name);
    revalidate();
    return { id, name, note };
  },
);

/** Deletes a group (the guests stay); a linked CPSMS group is emptied and deleted too. Managers and owners. */
export const deleteGroupAction = defineAction(z.object({ id: z.uuid() }), MANAGER, async ({ id }, user) => {
  await deleteGroup(getDb(), user, id);
  revalidate();
  return { id };
});

/** Links a group to a new CPSMS group and pushes its consented members. Managers and owners. */
export const linkGroupAction = defineAction(z.object({ id: z.uuid() }), MANAGER, async ({ id }) => {
  const result = await linkGroupToCpsms(getDb(), id);
  revalidate();
  return withLocalizedError(result);
});

export const unlinkGroupAction = defineAction(z.object({ id: z.uuid() }), MANAGER, async ({ id }) => {
  await unlinkGroupFromCpsms(getDb(), id);
  revalidate();
  return { id };
});

/** Re-syncs a linked group: adds members missing at CPSMS, removes numbers that should not be there. */
export const fixDriftAction = defineAction(z.object({ id: z.uuid() }), STAFF, async ({ id }) => {
  const result = await fixGroupDrift(getDb(), id);
  revalidate();
  return withLocalizedError(result);
});
