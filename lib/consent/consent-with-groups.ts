import "server-only";
import { eq } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import { type ContactSelection, contactSelectionSql } from "@/lib/contacts/contact-filter";
import type { Database } from "@/lib/db";
import { type CpsmsOp, linkedGroupOps } from "@/lib/groups/cpsms-sync";
import { cpsmsNote, pushCpsmsChanges } from "@/lib/groups/push-cpsms";
import { type GrantInput, grantConsent, withdrawConsent } from "./consent-ledger";
import { findOptOut, optOutByToken } from "./opt-out";

// Consent decides who is in a linked CPSMS group: a CPSMS group send reaches every member there, so a guest
// who withdraws must leave those groups too, and one who (re)grants joins them again.

/** Sends CPSMS group changes; the actions' default, replaced in tests. */
export type PushCpsms = (ops: CpsmsOp[]) => ReturnType<typeof pushCpsmsChanges>;

/** Records a guest's consent and adds them to their linked CPSMS groups; the note says what CPSMS did not take. */
export async function grantConsentWithGroups(
  db: Database,
  input: GrantInput,
  push: PushCpsms = pushCpsmsChanges,
): Promise<{ note: string | null }> {
  await grantConsent(db, input);
  const ops = await linkedGroupOps(db, contactSelectionSql({ ids: [input.contactId] }), "add");
  return { note: await cpsmsNote(await push(ops)) };
}

/** Withdraws consent for a selection (by staff) and takes the guests whose consent changed out of CPSMS groups. */
export async function withdrawConsentWithGroups(
  db: Database,
  selection: ContactSelection,
  actorId: string,
  push: PushCpsms = pushCpsmsChanges,
): Promise<{ withdrawn: number; note: string | null }> {
  // The memberships are read first: afterwards the guests no longer match "consented" and the ops would be lost.
  const ops = await linkedGroupOps(db, contactSelectionSql(selection), "remove");
  const changed = await withdrawConsent(db, { selection, source: "staff", actorId });
  const changedPhones = new Set(changed.map((c) => c.phone));
  return {
    withdrawn: changed.length,
    note: await cpsmsNote(await push(ops.filter((op) => changedPhones.has(op.phone)))),
  };
}

/**
 * The guest's own "Yes, unsubscribe me" from the public link: withdraws consent, suppresses the number and takes
 * them out of linked CPSMS groups. Idempotent; an unknown token changes nothing.
 */
export async function optOutFromLink(db: Database, token: string, push: PushCpsms = pushCpsmsChanges): Promise<void> {
  const found = await findOptOut(db, token);
  if (!found || found.withdrawn) return;
  const ops = await linkedGroupOps(db, eq(contacts.id, found.contactId), "remove");
  await optOutByToken(db, token);
  await push(ops);
}
