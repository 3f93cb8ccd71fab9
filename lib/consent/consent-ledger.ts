import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { type ConsentSource, consentEvents, contacts, users } from "@/drizzle/schema";
import { requestHeldStops, stopMessagesTo } from "@/lib/campaigns/stop-withdrawn";
import { type ContactSelection, contactSelectionSql } from "@/lib/contacts/contact-filter";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { suppressPhones, unsuppressPhone } from "./suppression";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;

export type GrantInput = {
  contactId: string;
  source: ConsentSource;
  wording: string;
  actorId: string | null;
  /** For a sign-up page grant: the source the guest came from ("Table tent"). */
  sourceName?: string | null;
};

/**
 * Records a grant of marketing consent with its proof (source and the exact wording) and mirrors it on the
 * contact, in one transaction. A new explicit grant also lifts an earlier suppression of the number.
 */
export async function grantConsent(db: Executor, input: GrantInput): Promise<void> {
  const wording = input.wording.trim();
  if (!wording) throw new AppError("INVALID_INPUT", "Contacts.validation.wordingRequired");
  const run = async (tx: Tx) => {
    const [row] = await tx
      .update(contacts)
      .set({ consentState: "granted", consentChangedAt: sql`now()`, updatedById: input.actorId })
      .where(eq(contacts.id, input.contactId))
      .returning({ phone: contacts.phone });
    if (!row) throw new AppError("NOT_FOUND", "Contacts.errors.notFound");
    await tx.insert(consentEvents).values({
      contactId: input.contactId,
      state: "granted",
      source: input.source,
      wording,
      sourceName: input.sourceName ?? null,
      recordedById: input.actorId,
    });
    await unsuppressPhone(tx, row.phone);
  };
  return db.transaction(run);
}

export type WithdrawInput = { selection: ContactSelection; source: ConsentSource; actorId: string | null };

/**
 * Withdraws marketing consent for a selection of contacts: a ledger entry per contact that was not already
 * withdrawn, the mirror on the contact, the number on the suppression list, and every promotion to them that
 * hasn't gone out stopped (see stopMessagesTo), all in one transaction; then CPSMS is asked to delete what it
 * holds. Idempotent: withdrawing twice changes nothing the second time. Returns the contacts that changed.
 */
export async function withdrawConsent(db: Executor, input: WithdrawInput): Promise<{ id: string; phone: string }[]> {
  const run = async (tx: Tx) => {
    const changed = await tx
      .update(contacts)
      .set({ consentState: "withdrawn", consentChangedAt: sql`now()`, updatedById: input.actorId })
      .where(and(contactSelectionSql(input.selection), ne(contacts.consentState, "withdrawn")))
      .returning({ id: contacts.id, phone: contacts.phone });
    if (changed.length) {
      await tx.execute(sql`
        insert into ${consentEvents} (contact_id, state, source, recorded_by_id)
        select id, 'withdrawn', ${input.source}, ${input.actorId}::uuid from unnest(${sql.param(changed.map((c) => c.id))}::uuid[]) as id`);
    }
    // Also for contacts already withdrawn: their number belongs on the list whatever happened before.
    const all = await tx.select({ phone: contacts.phone }).from(contacts).where(contactSelectionSql(input.selection));
    await suppressPhones(
      tx,
      all.map((c) => c.phone),
      input.source,
    );
    const stopped = await stopMessagesTo(
      tx,
      all.map((c) => c.phone),
      { source: input.source },
    );
    return { changed, held: stopped.marked };
  };
  const { changed, held } = await db.transaction(run);
  if (held > 0) await requestHeldStops();
  return changed;
}

export type ConsentHistoryEntry = {
  id: number;
  state: "granted" | "withdrawn";
  source: ConsentSource;
  /** For a sign-up page grant: the source the guest came from. */
  sourceName: string | null;
  wording: string | null;
  occurredAt: Date;
  recordedBy: string | null;
};

/** A contact's consent ledger, oldest first. */
export async function consentHistory(db: Database, contactId: string): Promise<ConsentHistoryEntry[]> {
  return db
    .select({
      id: consentEvents.id,
      state: consentEvents.state,
      source: consentEvents.source,
      sourceName: consentEvents.sourceName,
      wording: consentEvents.wording,
      occurredAt: consentEvents.occurredAt,
      recordedBy: users.name,
    })
    .from(consentEvents)
    .leftJoin(users, eq(users.id, consentEvents.recordedById))
    .where(eq(consentEvents.contactId, contactId))
    .orderBy(asc(consentEvents.occurredAt), asc(consentEvents.id));
}
