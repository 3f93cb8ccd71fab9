import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { campaignMayTake, campaignTo } from "./apply-transition";
import { enqueueDispatch } from "./enqueue-dispatch";
import { requestHeldStops } from "./stop-withdrawn";

export type SweepResult = {
  resumed: number;
  /** Campaigns left alone because a lease on them is still live (its holder may be alive, or just died). */
  awaitingLease: number;
  /** Milliseconds until the first of those leases runs out (by the database's clock), or null when none. */
  nextLeaseEndInMs: number | null;
  completed: number;
};

/**
 * Runs every minute on one instance, and on every worker at its start and every LEASE_MS. Restarts dispatch for
 * campaigns that should be sending but have no live dispatcher (a crash, a lost job), and closes provider-held
 * CPSMS campaigns whose time has come. Everything it triggers is idempotent, so running it too often costs nothing.
 */
export async function sweepCampaigns(db: Database): Promise<SweepResult> {
  const due = await db.execute<{ id: string; lease_left_ms: number | string | null }>(sql`
    select c.id,
      case when c.lease_until >= now() then extract(epoch from c.lease_until - now())::float8 * 1000 end as lease_left_ms
    from campaigns c
    where c.status in ('queued', 'sending')
      or (c.status = 'scheduled' and c.scheduled_via = 'queue' and c.scheduled_at <= now())
      or (c.status = 'scheduled' and c.scheduled_via = 'provider'
          and exists (select 1 from campaign_messages m where m.campaign_id = c.id and m.status in ('queued', 'sending')))`);
  const orphaned = due.rows.filter((r) => r.lease_left_ms === null);
  for (const { id } of orphaned) await enqueueDispatch(id);
  // A live lease may be a dead process's: after a crash or a power cut the restarted app finds the lease its
  // dispatcher renewed a moment before dying, good for up to LEASE_MS more. The caller sweeps again when the first
  // one runs out (lib/jobs/sweep-timer.ts) rather than at its next round, up to a whole interval later.
  const leftMs = due.rows.filter((r) => r.lease_left_ms !== null).map((r) => Number(r.lease_left_ms));
  const nextLeaseEndInMs = leftMs.length ? Math.min(...leftMs) : null;

  // A CPSMS-held send is finished once its time has passed and CPSMS confirmed every message (a delivery report
  // or its log, see poll-delivery.ts): until then its messages are "scheduled", not sent.
  const done = await db.execute<{ id: string }>(sql`
    update campaigns c set status = ${campaignTo("heldSent")}, finished_at = now(), updated_at = now()
    where ${campaignMayTake("heldSent", "c")} and c.scheduled_via = 'provider' and c.scheduled_at <= now()
      and not exists (select 1 from campaign_messages m where m.campaign_id = c.id and m.status in ('queued', 'sending', 'scheduled'))
    returning c.id`);
  const completed = done.rows.length;

  // Withdrawn guests' messages CPSMS still holds: the job deletes them (its queued run may have been lost).
  const held = await db.execute<{ any: boolean }>(sql`
    select exists (select 1 from campaign_messages where stop_requested_at is not null and status = 'scheduled') as any`);
  if (held.rows[0]?.any) await requestHeldStops();
  const resumed = orphaned.length;
  const awaitingLease = leftMs.length;
  if (resumed || completed) logger.info({ resumed, awaitingLease, completed }, "campaign sweep");
  return { resumed, awaitingLease, nextLeaseEndInMs, completed };
}
