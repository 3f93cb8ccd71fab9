import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { campaignMayTake, campaignTo } from "./apply-transition";
import { enqueueDispatch } from "./enqueue-dispatch";
import { requestHeldStops } from "./stop-withdrawn";

/**
 * Runs every minute on one instance and at every worker start. Restarts dispatch for campaigns that should be
 * sending but have no live dispatcher (a crash, a lost job), and closes provider-held CPSMS campaigns whose
 * time has come. Everything it triggers is idempotent, so running it too often costs nothing.
 */
export async function sweepCampaigns(db: Database): Promise<{ resumed: number; completed: number }> {
  const orphaned = await db.execute<{ id: string }>(sql`
    select c.id from campaigns c
    where (c.lease_until is null or c.lease_until < now())
      and (
        c.status in ('queued', 'sending')
        or (c.status = 'scheduled' and c.scheduled_via = 'queue' and c.scheduled_at <= now())
        or (c.status = 'scheduled' and c.scheduled_via = 'provider'
            and exists (select 1 from campaign_messages m where m.campaign_id = c.id and m.status in ('queued', 'sending')))
      )`);
  for (const { id } of orphaned.rows) await enqueueDispatch(id);

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
  if (orphaned.rows.length || completed) logger.info({ resumed: orphaned.rows.length, completed }, "campaign sweep");
  return { resumed: orphaned.rows.length, completed };
}
