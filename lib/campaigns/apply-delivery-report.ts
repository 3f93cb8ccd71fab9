import "server-only";
import type { Pool } from "pg";
import type { MessageStatus } from "@/drizzle/schema";
import { type Database, getPool } from "@/lib/db";
import type { PushedReport } from "@/lib/sms/provider-adapter";
import { groupCommit } from "./group-commit";
import { messageSources, messageTarget } from "./message-lifecycle";

/**
 * The status a report moves a message to (null: none, only a note), and from which statuses it may: the
 * report transitions of message-lifecycle.ts, applied per row inside the batch statement.
 */
function transition(report: PushedReport): { to: MessageStatus | null; from: readonly MessageStatus[] } {
  if (report.verdict === "buffered")
    return { to: messageTarget("reportBuffered"), from: messageSources("reportBuffered") };
  return { to: report.verdict, from: messageSources("report") };
}

type PendingReport = { reference: string; report: PushedReport };

type Applied = { matched: boolean; changed: number };

/** Batches of at most this many reports per statement (a burst of 10,000 takes some 20 statements). */
const MAX_BATCH = 500;
const committers = new WeakMap<Pool, (pending: PendingReport) => Promise<Applied>>();

/**
 * Applies a pushed delivery report to the message it is about (our reference + the receiving number).
 * Monotonic: a report never moves a message backwards (a late "buffered" after "delivered" changes nothing),
 * and a repeated report changes nothing (concurrent duplicates too: the second re-checks the status under
 * the row lock). The timeline gets each distinct report once (a replayed report URL adds nothing), and one
 * that arrived too late to count is kept as an "ignored" line, so it never reads as the latest status. Reports arriving together are written
 * together (see group-commit.ts); the caller still gets its own answer once its report is stored.
 * Returns how many messages changed status; null when no message matches.
 */
export async function applyDeliveryReport(
  db: Database,
  reference: string,
  report: PushedReport,
): Promise<number | null> {
  const pool = (db as Database & { $client?: Pool }).$client ?? getPool();
  let submit = committers.get(pool);
  if (!submit) {
    submit = groupCommit({
      maxBatch: MAX_BATCH,
      keyOf: (p: PendingReport) => `${p.reference} ${p.report.phone}`,
      write: (batch) => applyBatch(pool, batch),
    });
    committers.set(pool, submit);
  }
  const applied = await submit({ reference, report });
  if (!applied.matched) return null;
  return transition(report).to === null ? 0 : applied.changed;
}

/** One statement for the whole batch; retried when it deadlocks with another instance's batch or a send. */
async function applyBatch(pool: Pool, batch: PendingReport[]): Promise<Applied[]> {
  const columns: string[][] = [[], [], [], [], [], [], [], []];
  for (const { reference, report } of batch) {
    const { to, from } = transition(report);
    const row = [
      reference,
      report.phone,
      report.state,
      report.detail,
      to,
      to === "undelivered" ? report.errorCode : null,
      from.join(","),
      report.key,
    ];
    for (const [i, value] of row.entries()) columns[i]!.push(value as string);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      // A named statement: parsed and planned once per connection, as every batch runs exactly this.
      const result = await pool.query<{ matched: number; changed: number }>({
        name: "dlr_apply_batch_v5",
        text: APPLY_BATCH_SQL,
        values: columns,
      });
      return result.rows.map((r) => ({ matched: r.matched > 0, changed: r.changed }));
    } catch (err) {
      if ((err as { code?: string }).code !== "40P01" || attempt >= 5) throw err;
    }
  }
}

// `r` numbers the reports in arrival order; a batch never holds two reports for one message (group-commit.ts).
// The timeline line is written after the update and from its outcome: a report the update did not take is an
// "ignored" line. A report already on the timeline (same message, same key) is not written again.
const APPLY_BATCH_SQL = `
  with r as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
      with ordinality as r(reference, phone, state, detail, to_status, error_code, from_list, report_key, ord)
  ), m as (
    select r.ord, c.id, c.status as was from r join campaign_messages c on c.reference = r.reference and c.phone = r.phone
  ), up as (
    update campaign_messages c set
      status = coalesce(r.to_status, c.status),
      delivered_at = case when r.to_status = 'delivered' then now() else c.delivered_at end,
      -- A report on a message the provider held is its confirmation that it went out.
      sent_at = case when r.to_status is not null and c.status = 'scheduled' then coalesce(c.sent_at, now()) else c.sent_at end,
      error_code = case when r.to_status = 'undelivered' then r.error_code when r.to_status = 'delivered' then null else c.error_code end,
      error_message = r.detail,
      status_changed_at = case when r.to_status is null then c.status_changed_at else now() end
    from m join r using (ord)
    where c.id = m.id and c.status = any(string_to_array(r.from_list, ','))
    returning m.ord
  ), ev as (
    insert into message_events (message_id, status, source, detail, report_key)
    select m.id, r.state,
      case when up.ord is null then 'dlr-ignored' else 'dlr' end,
      case when up.ord is null then 'Ignored: it came after the message was ' || case
          when m.was = 'delivered' then 'delivered'
          when m.was in ('undelivered', 'failed', 'rejected') then 'reported as failed'
          when m.was = 'buffered' then 'reported as pending'
          when m.was in ('expired', 'cancelled') then m.was
          else 'given a later status' end || ', so the status stays as it is.'
        else r.detail end,
      r.report_key
    from m join r using (ord) left join up using (ord) order by m.ord
    on conflict (message_id, report_key) where report_key is not null do nothing
  )
  -- Counted per report by joining grouped counts: a subquery per report scanned the whole batch each time.
  select coalesce(mc.n, 0) as matched, coalesce(uc.n, 0) as changed
  from r
  left join (select ord, count(*)::int as n from m group by ord) mc using (ord)
  left join (select ord, count(*)::int as n from up group by ord) uc using (ord)
  order by r.ord`;
