"use server";

import { eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { contacts } from "@/drizzle/schema";
import { findOptOut, optOutByToken } from "@/lib/consent/opt-out";
import { getDb } from "@/lib/db";
import { linkedGroupOps } from "@/lib/groups/cpsms-sync";
import { pushCpsmsChanges } from "@/lib/groups/push-cpsms";

/**
 * The guest's "Yes, unsubscribe me" button. Public on purpose (the token is the guest's proof); idempotent.
 * Always lands back on the page, which then shows the confirmation (or the not-found text for a bad token).
 */
export async function optOutAction(form: FormData) {
  // Public, so anything can be posted here: the page's form always sends FormData, anything else is not a link.
  if (!(form instanceof FormData)) notFound();
  const token = String(form.get("token") ?? "");
  const db = getDb();
  const found = await findOptOut(db, token);
  if (found && !found.withdrawn) {
    // Out of linked CPSMS groups too, or a CPSMS group send would still reach them.
    const ops = await linkedGroupOps(db, eq(contacts.id, found.contactId), "remove");
    await optOutByToken(db, token);
    await pushCpsmsChanges(ops);
  }
  redirect(`/o/${encodeURIComponent(token)}`);
}
