import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/sms/errors";
import { messageFrom, messageTo } from "./apply-transition";
import { CPSMS_CANCEL_LOCK_MS } from "./campaign-controls";
import { acquireLease, releaseLease } from "./dispatch-lease";
import { enqueueDispatch } from "./enqueue-dispatch";
import { recordEvents } from "./message-events";
import type { ProviderSessionFactory } from "./provider-session";
import { CONSENT_WITHDRAWN } from "./stop-withdrawn";

/** A delete whose answer was lost (it may have worked): marked on the rows of that reference. */
const DELETE_UNCERTAIN = "delete_uncertain";
/** Stay clear of CPSMS's 10-minute lock: a delete sent at 10:00.5 before the time would be refused anyway. */
const LOCK_MARGIN_MS = 30_000;

type HeldGroup = { campaign_id: string; reference: string; scheduled_at: Date; uncertain: boolean };

export type StopHeldResult = { deleted: number; requeued: number; locked: number; failed: number };

/**
 * Deletes at CPSMS the held messages of guests who withdrew consent after CPSMS took them. CPSMS deletes by
 * reference, and one reference covers a whole request (up to 100 guests with the same text), so the request is
 * deleted and the other guests' messages are handed to CPSMS again, for the same time, by the dispatcher.
 * Inside CPSMS's 10-minute lock nothing can be deleted: those messages stay marked and the pages say they may
 * still go out. Holds the campaign's dispatch lease while it works, so no dispatcher or reschedule interleaves.
 * Idempotent; run by a job after each withdrawal and by the minute's sweep.
 */
export async function stopHeldMessages(db: Database, sessions: ProviderSessionFactory): Promise<StopHeldResult> {
  const result: StopHeldResult = { deleted: 0, requeued: 0, locked: 0, failed: 0 };
  const groups = await db.execute<HeldGroup>(sql`
    select m.campaign_id, m.reference, c.scheduled_at, bool_or(m.error_code = ${DELETE_UNCERTAIN}) as uncertain
    from campaign_messages m join campaigns c on c.id = m.campaign_id
    where m.stop_requested_at is not null and m.status = 'scheduled' and m.reference is not null and c.provider = 'cpsms'
    group by m.campaign_id, m.reference, c.scheduled_at
    order by c.scheduled_at`);
  if (groups.rows.length === 0) return result;
  const session = await sessions("cpsms");
  if (session.provider !== "cpsms") throw new Error("expected a CPSMS session");
  const requeuedIn = new Set<string>();

  for (const group of groups.rows) {
    const sendAt = new Date(group.scheduled_at).getTime();
    if (sendAt - Date.now() <= CPSMS_CANCEL_LOCK_MS + LOCK_MARGIN_MS) {
      result.locked++;
      continue;
    }
    const owner = randomUUID();
    if (!(await acquireLease(db, group.campaign_id, owner))) continue; // a dispatcher is at work: next run
    try {
      try {
        await session.client.deleteSms(group.reference);
      } catch (err) {
        // An earlier delete whose answer was lost may have worked; CPSMS then has nothing left to delete.
        const goneAlready = group.uncertain && isProviderError(err) && err.code === "conflict";
        if (!goneAlready) {
          if (isProviderError(err) && err.mayHaveBeenAccepted) {
            await db.execute(sql`update campaign_messages set error_code = ${DELETE_UNCERTAIN}
              where campaign_id = ${group.campaign_id} and reference = ${group.reference} and status = 'scheduled'`);
          }
          logger.warn(
            { err, campaignId: group.campaign_id },
            "could not delete a withdrawn guest's held message at CPSMS; will retry",
          );
          result.failed++;
          continue;
        }
      }
      const changed = await settleDeleted(db, group);
      result.deleted += changed.deleted;
      result.requeued += changed.requeued;
      requeuedIn.add(group.campaign_id);
    } finally {
      await releaseLease(db, group.campaign_id, owner);
    }
  }
  // After the lease is released: the dispatcher hands the other guests' messages to CPSMS again.
  for (const campaignId of requeuedIn) await enqueueDispatch(campaignId);
  if (result.deleted || result.locked || result.failed) logger.info(result, "withdrawn guests' held messages");
  return result;
}

/**
 * After CPSMS deleted a reference: the withdrawn guests' messages are cancelled (costing nothing: CPSMS refunds
 * them); the others go back to the queue, to be handed to CPSMS again for the same time. One transaction.
 */
async function settleDeleted(db: Database, group: HeldGroup): Promise<{ deleted: number; requeued: number }> {
  return db.transaction(async (tx) => {
    const cancelled = await tx.execute<{ id: string; stop_reason: string | null }>(sql`
      update campaign_messages set status = ${messageTo("deleteHeld")}, cost = null, error_code = ${CONSENT_WITHDRAWN},
        error_message = 'Not sent: ' || lower(left(coalesce(stop_reason, 'Consent withdrawn'), 1)) || substr(coalesce(stop_reason, 'Consent withdrawn'), 2)
          || '. Deleted at CPSMS before it went out.',
        status_changed_at = now()
      where campaign_id = ${group.campaign_id} and reference = ${group.reference} and ${messageFrom("deleteHeld")} and stop_requested_at is not null
      returning id, stop_reason`);
    const requeued = await tx.execute<{ id: string }>(sql`
      update campaign_messages set status = ${messageTo("takeBack")}, reference = null, cost = null, claimed_at = null, error_code = null,
        error_message = null, status_changed_at = now()
      where campaign_id = ${group.campaign_id} and reference = ${group.reference} and ${messageFrom("takeBack")}
      returning id`);
    await recordEvents(tx, "consent", [
      ...cancelled.rows.map((r) => ({
        messageId: Number(r.id),
        status: "cancelled",
        detail: `${r.stop_reason ?? "Consent withdrawn"}: deleted at CPSMS.`,
      })),
      ...requeued.rows.map((r) => ({
        messageId: Number(r.id),
        status: "queued",
        detail:
          "CPSMS deletes whole requests: handed to CPSMS again for the same time, without the guest who opted out.",
      })),
    ]);
    return { deleted: cancelled.rows.length, requeued: requeued.rows.length };
  });
}
