import type { MessageStatus } from "@/drizzle/schema";
import type { Pool } from "pg";
import { type Database, getPool } from "@/lib/db";
import type { CpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { OPEN_STATUSES } from "./delivery-status";

const DETAIL: Record<CpsmsDeliveryReport["state"], string | null> = {
  delivered: null,
  failed: "The operator could not deliver it.",
  abandoned: "Gave up: the phone stayed unreachable.",
  buffered: "Waiting: the phone is off or out of reach; the operator keeps trying.",
  unknown: "CPSMS sent a status code we don't know.",
};

/** The status a report moves a message to (null: none, only a note), and from which statuses it may. */
function transition(report: CpsmsDeliveryReport): { to: MessageStatus | null; from: readonly MessageStatus[] } {
  switch (report.state) {
    case "delivered":
    case "failed":
    case "abandoned":
      return { to: report.state === "delivered" ? "delivered" : "undelivered", from: OPEN_STATUSES };
    case "buffered":
      // Intermediate: never after a verdict, but it does beat our own "accepted" write or a given-up "unknown".
      return { to: "buffered", from: ["sending", "scheduled", "accepted", "unknown"] };
    default:
      return { to: null, from: OPEN_STATUSES };
  }
}

/**
 * Applies a CPSMS delivery report to the message it is about (our reference + the receiving number).
 * Monotonic: a report never moves a message backwards (a late "buffered" after "delivered" changes nothing),
 * and a repeated report changes nothing (concurrent duplicates too: the second re-checks the status under
 * the row lock), but every report is kept on the message's timeline. One round trip to the database.
 * Returns how many messages changed status; null when no message matches.
 */
export async function applyCpsmsDeliveryReport(db: Database, reference: string, report: CpsmsDeliveryReport): Promise<number | null> {
  const phone = `+${report.receiver.replace(/^\+|^00/, "")}`;
  const { to, from } = transition(report);
  const detail = DETAIL[report.state];
  const errorCode = to === "undelivered" ? `dlr_${report.statusCode}` : null;
  // A named statement: parsed and planned once per connection, as every callback runs exactly this.
  const client = (db as Database & { $client?: Pool }).$client ?? getPool();
  const result = await client.query<{ matched: number; changed: number }>({
    name: "cpsms_dlr_apply_v1",
    text: APPLY_SQL,
    values: [reference, phone, report.state, detail, to, errorCode, from],
  });
  const row = result.rows[0];
  if (!row || row.matched === 0) return null;
  return to === null ? 0 : row.changed;
}

const APPLY_SQL = `
  with m as (
    select id from campaign_messages where reference = $1 and phone = $2
  ), ev as (
    insert into message_events (message_id, status, source, detail) select id, $3::text, 'dlr', $4::text from m
  ), up as (
    update campaign_messages c set
      status = coalesce($5::text, c.status),
      delivered_at = case when $5::text = 'delivered' then now() else c.delivered_at end,
      error_code = case when $5::text = 'undelivered' then $6::text when $5::text = 'delivered' then null else c.error_code end,
      error_message = $4::text,
      status_changed_at = case when $5::text is null then c.status_changed_at else now() end
    from m where c.id = m.id and c.status = any($7::text[])
    returning c.id
  )
  select (select count(*)::int from m) as matched, (select count(*)::int from up) as changed`;
