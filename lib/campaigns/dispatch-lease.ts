import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** Long enough to ride out a slow provider call; short enough that a crash is picked up within seconds. */
export const LEASE_MS = 20_000;

/**
 * Only the holder of a campaign's lease may send it, so two instances (or a retried job) never dispatch the
 * same campaign at once. Returns false when a live dispatcher already holds it.
 */
export async function acquireLease(db: Database, campaignId: string, owner: string): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
    .where(
      and(
        eq(campaigns.id, campaignId),
        or(isNull(campaigns.leaseUntil), lt(campaigns.leaseUntil, sql`now()`), eq(campaigns.leaseOwner, owner)),
      ),
    )
    .returning({ id: campaigns.id });
  return rows.length === 1;
}

/** Extends our lease; false means we lost it (we stalled past it and someone else took over): stop at once. */
export async function renewLease(db: Database, campaignId: string, owner: string): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ leaseUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.leaseOwner, owner)))
    .returning({ id: campaigns.id });
  return rows.length === 1;
}

export async function releaseLease(db: Database, campaignId: string, owner: string) {
  await db
    .update(campaigns)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.leaseOwner, owner)));
}

/**
 * SQL condition "this owner still holds the campaign's lease", for fencing writes inside the statement that
 * makes them. A dispatcher can stall past its lease (a slow provider call, a long pause of the process) and be
 * replaced; checking first and writing after would leave a window in which it requeues or claims messages the
 * new holder is sending, and those guests would be texted twice.
 */
export function holdsLease(campaignId: string, owner: string) {
  return sql`exists (select 1 from campaigns c where c.id = ${campaignId} and c.lease_owner = ${owner})`;
}
