"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { grantConsentWithGroups, withdrawConsentWithGroups } from "@/lib/consent/consent-with-groups";
import type { ContactSelection } from "@/lib/contacts/contact-filter";
import { eraseContact } from "@/lib/contacts/gdpr";
import { createContact, deleteContacts, updateContact } from "@/lib/contacts/manage-contacts";
import { getDb } from "@/lib/db";
import { addToGroup, removeFromGroup } from "@/lib/groups/manage-groups";
import { pushCpsmsNote } from "@/lib/groups/push-cpsms";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import {
  contactSelectionSchema,
  createContactSchema,
  grantConsentSchema,
  updateContactSchema,
} from "@/lib/validation/contacts";

const STAFF = { role: "staff" } as const;
const MANAGER = { role: "manager" } as const;

function revalidate() {
  revalidatePath("/contacts", "layout");
  revalidatePath("/groups", "layout");
}

/** Adds a guest (staff and up), with consent when the guest gave it. */
export const createContactAction = defineAction(createContactSchema, STAFF, async (input, user) => {
  const db = getDb();
  const { defaultCountry } = await getRestaurantSettings(db);
  const contact = await createContact(db, user, input, defaultCountry);
  revalidate();
  return { id: contact.id };
});

export const updateContactAction = defineAction(updateContactSchema, STAFF, async (input, user) => {
  const db = getDb();
  const { defaultCountry } = await getRestaurantSettings(db);
  const { cpsmsOps } = await updateContact(db, user, input, defaultCountry);
  const note = await pushCpsmsNote(cpsmsOps);
  revalidate();
  return { id: input.id, note };
});

/** Records a guest's consent with its source and exact wording (staff and up). */
export const grantConsentAction = defineAction(grantConsentSchema, STAFF, async (input, user) => {
  const { note } = await grantConsentWithGroups(getDb(), { ...input, actorId: user.id });
  revalidate();
  return { note };
});

/** Withdraws consent for the selection (staff and up): ledger entries, suppression, and out of CPSMS groups. */
export const withdrawConsentAction = defineAction(
  z.object({ selection: contactSelectionSchema }),
  STAFF,
  async ({ selection }, user) => {
    const result = await withdrawConsentWithGroups(getDb(), selection as ContactSelection, user.id);
    revalidate();
    return result;
  },
);

export const deleteContactsAction = defineAction(
  z.object({ selection: contactSelectionSchema }),
  MANAGER,
  async ({ selection }, user) => {
    const { deleted, cpsmsOps } = await deleteContacts(getDb(), user, selection as ContactSelection);
    const note = await pushCpsmsNote(cpsmsOps);
    revalidate();
    return { deleted, note };
  },
);

const groupSelection = z.object({ groupId: z.uuid(), selection: contactSelectionSchema });

export const addToGroupAction = defineAction(groupSelection, STAFF, async ({ groupId, selection }) => {
  const { added, cpsmsOps } = await addToGroup(getDb(), groupId, selection as ContactSelection);
  const note = await pushCpsmsNote(cpsmsOps);
  revalidate();
  return { added, note };
});

export const removeFromGroupAction = defineAction(groupSelection, STAFF, async ({ groupId, selection }) => {
  const { removed, cpsmsOps } = await removeFromGroup(getDb(), groupId, selection as ContactSelection);
  const note = await pushCpsmsNote(cpsmsOps);
  revalidate();
  return { removed, note };
});

/** GDPR erasure (manager and up): the guest is gone, only the suppression hash remains. */
export const eraseContactAction = defineAction(z.object({ id: z.uuid() }), MANAGER, async ({ id }, user) => {
  const { cpsmsOps } = await eraseContact(getDb(), user, id);
  const note = await pushCpsmsNote(cpsmsOps);
  revalidate();
  return { note };
});
