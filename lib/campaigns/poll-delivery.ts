import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { cpsmsDeliveryState } from "@/lib/sms/cpsms/dlr";
import { isProviderError } from "@/lib/sms/errors";
import { toProviderMsisdn } from "@/lib/sms/msisdn";
import type { SmsappMessage } from "@/lib/sms/smsapp/schemas";
import { messageFrom, messageTo, statusIn } from "./apply-transition";
import { FOLLOWED_STATUSES, smsappReason } from "./delivery-status";
import { recordEvents } from "./message-events";
import { MESSAGE_TRANSITIONS } from "./message-lifecycle";
import type { ProviderSessionFactory } from "./provider-session";

/** Messages are followed for three days after they went out; operators give up retrying well before that. */
export const FOLLOW_FOR_HOURS = 72;
/** The longest wait between two smsapp.pk lookups of one message (the backoff's ceiling). */
const MAX_BACKOFF = "1 hour";
const PER_RUN = 500;

type Pending = {
  id: number;
  phone: string;
  body: string;
  reference: string | null;
  providerMessageId: string | null;
  cost: number | null;
  status: string;
};
/** "accepted": a message CPSMS held is confirmed sent (in its log), with no verdict yet. */
type Verdict = "accepted" | "delivered" | "undelivered" | "buffered";
/** What a provider told us about one message: a verdict, plus the facts it knows (cost, sender, send time). */
type Final = {
  id: number;
  status: Verdict;
  detail: string | null;
  cost?: number | null;
  segments?: number | null;
  sender?: string | null;
  sentAt?: Date | null;
};

/**
 * Asks the providers what became of sent messages that have no final status yet: smsapp.pk has no webhooks
 * at all, and CPSMS reports only reach us when it can call PUBLIC_URL. smsapp.pk: by uid when we have one,
 * else by number and text in its history, each message with a growing pause between lookups (half its age at
 * the last look, at most an hour); CPSMS: its log (one shared fetch per two minutes, so no backoff needed).
 * Messages still open after FOLLOW_FOR_HOURS become "unknown": we stop asking and say so.
 */
export async function pollDeliveryStatus(
  db: Database,
  sessions: ProviderSessionFactory,
  options: { campaignId?: string } = {},
): Promise<{ updated: number; givenUp: number }> {
  let updated = 0;
  const givenUp = await giveUpOnOld(db, options.campaignId);
  for (const provider of ["smsapp", "cpsms"] as const) {
    const pending = await pendingMessages(db, provider, options.campaignId);
    if (pending.length === 0) continue;
    try {
      const session = await sessions(provider);
      const finals =
        session.provider === "smsapp"
          ? await smsappFinals(session.client, pending)
          : await cpsmsFinals(session.client, pending);
      updated += await applyFinals(db, finals);
      // Rows still without a verdict go to the back of the line, so a few stuck ones can't starve the rest;
      // for smsapp.pk this is also the "last looked at" time the backoff counts from.
      const settled = new Set(
        finals.filter((f) => f.status !== "buffered" && f.status !== "accepted").map((f) => f.id),
      );
      const stillPending = pending.filter((p) => !settled.has(p.id)).map((p) => p.id);
      if (stillPending.length) {
        await db.execute(sql`update campaign_messages set status_changed_at = now()
          where id = any(${sql.param(stillPending)}::bigint[]) and status in ('accepted', 'buffered', 'scheduled')`);
      }
    } catch (err) {
      logger.warn({ err, provider }, "delivery status poll failed; will try again");
    }
  }
  return { updated, givenUp };
}

/** Past the horizon: "unknown", with a line on the timeline saying why. */
async function giveUpOnOld(db: Database, campaignId?: string): Promise<number> {
  const result = await db.execute<{ id: number; provider: "cpsms" | "smsapp" }>(sql`
    update campaign_messages m set status = ${messageTo("giveUp")}, status_changed_at = now(),
      error_message = 'No final delivery report within ${sql.raw(String(FOLLOW_FOR_HOURS))} hours; it may or may not have arrived.'
    from campaigns c
    -- Scheduled ones only where CPSMS holds them: one we hold for later hasn't gone out at all.
    where c.id = m.campaign_id and ${messageFrom("giveUp", "m.status")} and (m.status <> 'scheduled' or c.scheduled_via = 'provider')
      ${campaignId ? sql`and c.id = ${campaignId}` : sql``}
      and greatest(m.sent_at, c.scheduled_at) < now() - make_interval(hours => ${FOLLOW_FOR_HOURS})
    returning m.id, c.provider`);
  await recordEvents(
    db,
    "poll",
    result.rows.map((r) => ({
      messageId: Number(r.id),
      status: "unknown",
      detail: `${r.provider === "cpsms" ? "CPSMS" : "smsapp.pk"} gave no final report within ${FOLLOW_FOR_HOURS} hours; we stopped asking.`,
    })),
  );
  return result.rows.length;
}

async function pendingMessages(db: Database, provider: "cpsms" | "smsapp", campaignId?: string): Promise<Pending[]> {
  const sentAt = sql`greatest(${campaignMessages.sentAt}, ${campaigns.scheduledAt})`;
  return db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      body: campaignMessages.body,
      reference: campaignMessages.reference,
      providerMessageId: campaignMessages.providerMessageId,
      cost: campaignMessages.cost,
      status: campaignMessages.status,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(
      and(
        eq(campaigns.provider, provider),
        campaignId ? eq(campaigns.id, campaignId) : undefined,
        // CPSMS-held messages past their time are followed too: held is not sent until CPSMS confirms it.
        provider === "cpsms"
          ? sql`(${inArray(campaignMessages.status, [...FOLLOWED_STATUSES])} or (${campaignMessages.status} = 'scheduled' and ${campaigns.scheduledAt} <= now()))`
          : inArray(campaignMessages.status, [...FOLLOWED_STATUSES]),
        sql`${sentAt} > now() - make_interval(hours => ${FOLLOW_FOR_HOURS})`,
        // Backoff (smsapp.pk is asked one message at a time): wait half the message's age at the last look.
        provider === "smsapp"
          ? sql`${campaignMessages.statusChangedAt} <= now() - least(interval '${sql.raw(MAX_BACKOFF)}', (${campaignMessages.statusChangedAt} - ${sentAt}) / 2)`
          : undefined,
      ),
    )
    .orderBy(asc(campaignMessages.statusChangedAt))
    .limit(PER_RUN);
}

async function smsappFinals(
  client: Extract<Awaited<ReturnType<ProviderSessionFactory>>, { provider: "smsapp" }>["client"],
  pending: Pending[],
): Promise<Final[]> {
  const finals: Final[] = [];
  const toFinal = (p: Pending, sms: SmsappMessage): Final => {
    const status = sms.status;
    // What smsapp.pk charged and which sender it used (bulk sends: the account default) are facts either way.
    const facts = { cost: p.cost === null ? sms.cost : undefined, sender: sms.from };
    // A bare "Delivered" only means the gateway took it; the handset verdict carries the gateway id.
    if (status.state === "delivered" && status.gatewayMessageId)
      return { id: p.id, status: "delivered", detail: null, ...facts };
    if (status.state === "failed")
      return { id: p.id, status: "undelivered", detail: smsappReason(status.label), ...facts };
    if (/^buffered/i.test(status.label)) return { id: p.id, status: "buffered", detail: DETAIL.buffered, ...facts };
    return { id: p.id, status: "accepted", detail: null, ...facts };
  };
  const withUid = pending.filter((p) => p.providerMessageId);
  for (const p of withUid) {
    try {
      finals.push(toFinal(p, await client.getMessage(p.providerMessageId!)));
    } catch (err) {
      // One unknown or unreadable message must not hold up the others' verdicts.
      if (!isProviderError(err) || err.retryable) throw err;
    }
  }
  const withoutUid = pending.filter((p) => !p.providerMessageId);
  if (withoutUid.length > 0) {
    // Bulk sends return no uids: read the history's newest pages (both orderings Ultimate SMS uses).
    const first = await client.listMessages(1);
    const span = Math.min(first.lastPage, Math.ceil(withoutUid.length / Math.max(1, first.perPage)) + 2);
    const pages = new Set<number>();
    for (let p = 1; p <= span; p++) pages.add(p);
    for (let p = Math.max(1, first.lastPage - span + 1); p <= first.lastPage; p++) pages.add(p);
    const byKey = new Map<string, SmsappMessage[]>();
    for (const page of pages) {
      const result = page === 1 ? first : await client.listMessages(page);
      for (const e of result.items)
        byKey.set(`${e.to}|${e.message}`, [...(byKey.get(`${e.to}|${e.message}`) ?? []), e]);
    }
    for (const p of withoutUid) {
      const entry = byKey.get(`${toProviderMsisdn(p.phone)}|${p.body}`)?.shift();
      if (entry) finals.push(toFinal(p, entry));
    }
  }
  return finals;
}

async function cpsmsFinals(
  client: Extract<Awaited<ReturnType<ProviderSessionFactory>>, { provider: "cpsms" }>["client"],
  pending: Pending[],
): Promise<Final[]> {
  const log = await client.getLog();
  const rows = new Map(log.rows.map((r) => [`${r.userReference}|${r.to}`, r]));
  const finals: Final[] = [];
  for (const p of pending) {
    const row = rows.get(`${p.reference}|${toProviderMsisdn(p.phone)}`);
    // Not in the log: not sent (yet). A held message stays "scheduled" until CPSMS lists it.
    if (!row) continue;
    // The log also knows the price (for messages whose send answer was lost), the sender and the send time.
    const facts = {
      cost: p.cost === null && row.pointPrice !== null ? row.pointPrice : undefined,
      segments: row.smsAmount ?? undefined,
      sender: row.from,
      sentAt: row.timeSent,
    };
    const state = row.dlrStatus ? cpsmsDeliveryState(row.dlrStatus) : null;
    if (state === "delivered") finals.push({ id: p.id, status: "delivered", detail: null, ...facts });
    else if (state === "failed") finals.push({ id: p.id, status: "undelivered", detail: DETAIL.failed, ...facts });
    else if (state === "abandoned")
      finals.push({ id: p.id, status: "undelivered", detail: DETAIL.abandoned, ...facts });
    else if (state === "buffered") finals.push({ id: p.id, status: "buffered", detail: DETAIL.buffered, ...facts });
    else finals.push({ id: p.id, status: "accepted", detail: null, ...facts });
  }
  return finals;
}

const DETAIL = {
  failed: "The operator could not deliver it.",
  abandoned: "Gave up: the phone stayed unreachable.",
  buffered: "Waiting: the phone is off or out of reach; the operator keeps trying.",
};

async function applyFinals(db: Database, finals: Final[]): Promise<number> {
  if (finals.length === 0) return 0;
  // One statement, by the poll transitions of message-lifecycle.ts: a verdict, "buffered", or "accepted" (a held
  // message confirmed sent). Facts (cost, sender, send time) are filled in whatever the status.
  const col = <K extends keyof Final>(key: K) => sql.param(finals.map((f) => f[key] ?? null));
  const result = await db.execute<{ id: number; status: string; detail: string | null; moved: boolean }>(sql`
    with f as (
      select * from unnest(${col("id")}::bigint[], ${col("status")}::text[], ${col("detail")}::text[], ${col("cost")}::numeric[],
        ${col("segments")}::int[], ${col("sender")}::text[], ${sql.param(finals.map((f) => f.sentAt?.toISOString() ?? null))}::timestamptz[])
        as f(id, status, detail, cost, segments, sender, sent_at)
    ), mv as (
      select f.*, cm.status as was, case
        when ${statusIn(MESSAGE_TRANSITIONS.pollVerdict.to, "f.status")} then ${messageFrom("pollVerdict", "cm.status")}
        when ${statusIn(MESSAGE_TRANSITIONS.pollBuffered.to, "f.status")} then ${messageFrom("pollBuffered", "cm.status")}
        else ${messageFrom("pollSent", "cm.status")} end as moves
      from f join campaign_messages cm on cm.id = f.id
      where ${messageFrom("pollVerdict", "cm.status")}
    )
    update campaign_messages m set
      status = case when mv.moves then mv.status else m.status end,
      status_changed_at = case when mv.moves then now() else m.status_changed_at end,
      delivered_at = case when mv.moves and mv.status = 'delivered' then now() else m.delivered_at end,
      error_message = case when mv.moves then mv.detail else m.error_message end,
      error_code = case when mv.moves and mv.status = 'delivered' then null else m.error_code end,
      sent_at = coalesce(m.sent_at, mv.sent_at, case when mv.moves and m.status = 'scheduled' then now() end),
      cost = coalesce(m.cost, mv.cost),
      segments = coalesce(mv.segments, m.segments),
      sender = coalesce(mv.sender, m.sender)
    from mv
    -- A report that changed the row since it was read wins; the next poll looks again.
    where m.id = mv.id and m.status = mv.was
    returning m.id, m.status, m.error_message as detail, mv.moves as moved`);
  const moved = result.rows.filter((r) => r.moved);
  await recordEvents(
    db,
    "poll",
    moved.map((r) => ({
      messageId: Number(r.id),
      status: r.status,
      detail: r.status === "accepted" ? "CPSMS sent it at its scheduled time." : r.detail,
    })),
  );
  return moved.filter((r) => r.status !== "buffered").length;
}
