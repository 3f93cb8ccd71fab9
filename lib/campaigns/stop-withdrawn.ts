import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { messageFrom, messageTo, statusIn } from "./apply-transition";
import { messageSources, WITH_PROVIDER } from "./message-lifecycle";

type Executor = Pick<Database, "execute">;

/** Marks the messages a withdrawal stopped (their error code), so pages and tests can tell them apart. */
export const CONSENT_WITHDRAWN = "consent_withdrawn";

/** Why a withdrawal stopped a guest's messages, in words for staff, by where the withdrawal came from. */
export function withdrawalReason(source: string): string {
  switch (source) {
    case "opt_out_link":
      return "The guest opted out by their link";
    case "gdpr_erasure":
      return "The guest's data was erased";
    case "import":
      return "Marked as opted out by an import";
    case "contact_deleted":
      return "The guest was deleted from the guest book";
    default:
      return "Staff withdrew the guest's consent";
  }
}

/**
 * Stops every message to these numbers that hasn't gone out yet, in the transaction that withdraws their consent
 * (or suppresses or erases them): marketing only, or everything for an erasure (we may not keep the number).
 * Rows we hold (queued, drafts too) are cancelled on the spot, costing nothing. Rows a provider holds (CPSMS
 * "scheduled") or that are being handed over right now ("sending") are marked; stopHeldMessages then deletes them
 * at CPSMS, which it allows until 10 minutes before the send time. Returns how many were cancelled and marked.
 */
export async function stopMessagesTo(
  db: Executor,
  phones: readonly string[],
  options: { source: string; includeTransactional?: boolean },
): Promise<{ cancelled: number; marked: number }> {
  if (phones.length === 0) return { cancelled: 0, marked: 0 };
  const reason = withdrawalReason(options.source);
  const categories = options.includeTransactional ? ["marketing", "transactional"] : ["marketing"];
  const result = await db.execute<{ id: string; kind: "cancelled" | "marked" }>(sql`
    with target as (
      select m.id, m.status from campaign_messages m join campaigns c on c.id = m.campaign_id
      where m.phone = any(${sql.param([...phones])}::text[]) and c.category = any(${sql.param(categories)}::text[])
        and ${statusIn([...messageSources("withdraw"), ...WITH_PROVIDER], "m.status")}
      for update of m
    ), cancelled as (
      update campaign_messages m set status = ${messageTo("withdraw")}, cost = null, error_code = ${CONSENT_WITHDRAWN},
        error_message = ${`Not sent: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`}, status_changed_at = now(),
        stop_requested_at = now(), stop_reason = ${reason}
      from target where m.id = target.id and ${messageFrom("withdraw", "target.status")}
      returning m.id
    ), marked as (
      update campaign_messages m set stop_requested_at = coalesce(m.stop_requested_at, now()), stop_reason = coalesce(m.stop_reason, ${reason})
      from target where m.id = target.id and ${statusIn(WITH_PROVIDER, "target.status")}
      returning m.id
    ), events as (
      insert into message_events (message_id, status, source, detail)
      select id, ${messageTo("withdraw")}, 'consent', ${`${reason}: not sent.`} from cancelled
      union all
      select id, 'stop_requested', 'consent', ${`${reason}: the provider already has it; deleting it there.`} from marked
    )
    select id, 'cancelled' as kind from cancelled union all select id, 'marked' from marked`);
  const marked = result.rows.filter((r) => r.kind === "marked").length;
  const cancelled = result.rows.length - marked;
  if (result.rows.length)
    logger.info({ cancelled, marked, source: options.source }, "withdrawal stopped pending messages");
  return { cancelled, marked };
}

/**
 * Asks a worker to delete withdrawn guests' messages at the provider now (the minute's sweep also does it):
 * every minute counts, since CPSMS stops allowing deletion 10 minutes before the send time.
 */
export async function requestHeldStops(): Promise<void> {
  try {
    await enqueue(QUEUE.stopHeldMessages, {});
  } catch (err) {
    // The withdrawal itself is recorded; the sweep picks the deletion up within a minute.
    logger.warn({ err }, "could not queue the deletion of held messages");
  }
}
