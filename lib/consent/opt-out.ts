import "server-only";
import { eq } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { withdrawConsent } from "./consent-ledger";

/** Whether a public opt-out token belongs to a guest, and whether they have already opted out. */
export async function findOptOut(
  db: Database,
  token: string,
): Promise<{ contactId: string; withdrawn: boolean; language: string | null } | null> {
  if (!/^[A-Za-z0-9]{6,32}$/.test(token)) return null;
  const [row] = await db
    .select({ id: contacts.id, state: contacts.consentState, language: contacts.language })
    .from(contacts)
    .where(eq(contacts.optOutToken, token))
    .limit(1);
  return row ? { contactId: row.id, withdrawn: row.state === "withdrawn", language: row.language } : null;
}

/**
 * The guest's own opt-out from the public link: withdraws consent (source opt_out_link, no staff member) and
 * suppresses the number. Idempotent; false when the token is unknown.
 */
export async function optOutByToken(db: Database, token: string): Promise<boolean> {
  const found = await findOptOut(db, token);
  if (!found) return false;
  await withdrawConsent(db, { selection: { ids: [found.contactId] }, source: "opt_out_link", actorId: null });
  return true;
}
