"use server";

import { redirect } from "next/navigation";
import { optOutByToken } from "@/lib/consent/opt-out";
import { getDb } from "@/lib/db";

/**
 * The guest's "Yes, unsubscribe me" button. Public on purpose (the token is the guest's proof); idempotent.
 * Always lands back on the page, which then shows the confirmation (or the not-found text for a bad token).
 */
export async function optOutAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  if (/^[A-Za-z0-9]{6,32}$/.test(token)) await optOutByToken(getDb(), token);
  redirect(`/o/${encodeURIComponent(token)}`);
}
