import "server-only";
import { and, inArray, lte } from "drizzle-orm";
import { signups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/**
 * Unconfirmed sign-ups past their time: marked expired and their personal data erased (number, name, birthday;
 * GDPR's data minimisation: a guest who never confirmed gave us nothing to keep). The counts per source stay,
 * and so does the number's hash for the per-number limit. Confirming an expired link was already impossible
 * (confirmSignup checks the time); this is the clean-up, also of a sign-up never texted (the worker was down that
 * long). Idempotent.
 */
export async function expireSignups(db: Database, now = new Date()): Promise<number> {
  const expired = await db
    .update(signups)
    .set({ status: "expired", phone: null, firstName: null, birthdayMonth: null, birthdayDay: null })
    .where(and(inArray(signups.status, ["pending", "received"]), lte(signups.expiresAt, now)))
    .returning({ id: signups.id });
  return expired.length;
}
