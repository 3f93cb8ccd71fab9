import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { cpsmsDeliveryState } from "@/lib/sms/cpsms/dlr";
import { isProviderError } from "@/lib/sms/errors";
import { toProviderMsisdn } from "@/lib/sms/msisdn";
import { parseSmsappStatus } from "@/lib/sms/smsapp/status";
import { FOLLOWED_STATUSES, smsappReason } from "./delivery-status";
import { recordEvents } from "./message-events";
import type { ProviderSessionFactory } from "./provider-session";

/** Messages are followed for three days after they went out; operators give up retrying well before that. */
export const FOLLOW_FOR_HOURS = 72;
/** The longest wait between two smsapp.pk lookups of one message (the backoff's ceiling). */
const MAX_BACKOFF = "1 hour";
const PER_RUN = 500;

type Pending = { id: number; phone: string; body: string; reference: string | null; providerMessageId: string | null; cost: number | null };
type Verdict = "delivered" | "undelivered" | "buffered";
type Final = { id: number; status: Verdict; detail: string | null; cost?: number | null; segments?: number | null };

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
      const finals = session.provider === "smsapp" ? await smsappFinals(session.client, pending) : await cpsmsFinals(session.client, pending);
      updated += await applyFinals(db, finals);
      // Rows still without a verdict go to the back of the line, so a few stuck ones can't starve the rest;
      // for smsapp.pk this is also the "last looked at" time the backoff counts from.
      const settled = new Set(finals.filter((f) => f.status !== "buffered").map((f) => f.id));
      const stillPending = pending.filter((p) => !settled.has(p.id)).map((p) => p.id);
      if (stillPending.length) {
        await db.execute(sql`update campaign_messages set status_changed_at = now()
          where id = any(${sql.param(stillPending)}::bigint[]) and status in ('accepted', 'buffered')`);
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
    update campaign_messages m set status = 'unknown', status_changed_at = now(),
      error_message = 'No final delivery report within ${sql.raw(String(FOLLOW_FOR_HOURS))} hours; it may or may not have arrived.'
    from campaigns c
    where c.id = m.campaign_id and m.status in ('accepted', 'buffered')
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
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(
      and(
        eq(campaigns.provider, provider),
        campaignId ? eq(campaigns.id, campaignId) : undefined,
        inArray(campaignMessages.status, [...FOLLOWED_STATUSES]),
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
  const toFinal = (id: number, raw: string): Final | null => {
    const status = parseSmsappStatus(raw);
    // A bare "Delivered" only means the gateway took it; the handset verdict carries the gateway id.
    if (status.state === "delivered" && status.gatewayMessageId) return { id, status: "delivered", detail: null };
    if (status.state === "failed") return { id, status: "undelivered", detail: smsappReason(status.label) };
    if (/^buffered/i.test(status.label)) return { id, status: "buffered", detail: DETAIL.buffered };
    return null;
  };
  const withUid = pending.filter((p) => p.providerMessageId);
  for (const p of withUid) {
    try {
      const sms = await client.getMessage(p.providerMessageId!);
      const final = toFinal(p.id, sms.status.raw);
      if (final) finals.push(final);
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
    const byKey = new Map<string, string[]>();
    for (const page of pages) {
      const result = page === 1 ? first : await client.listMessages(page);
      for (const e of result.items) byKey.set(`${e.to}|${e.message}`, [...(byKey.get(`${e.to}|${e.message}`) ?? []), e.status.raw]);
    }
    for (const p of withoutUid) {
      const raw = byKey.get(`${toProviderMsisdn(p.phone)}|${p.body}`)?.shift();
      const final = raw ? toFinal(p.id, raw) : null;
      if (final) finals.push(final);
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
    if (!row || !row.dlrStatus) continue;
    // The log also knows the price, for messages whose send answer was lost.
    const cost = p.cost === null && row.pointPrice !== null ? row.pointPrice : undefined;
    const segments = row.smsAmount ?? undefined;
    const state = cpsmsDeliveryState(row.dlrStatus);
    if (state === "delivered") finals.push({ id: p.id, status: "delivered", detail: null, cost, segments });
    else if (state === "failed") finals.push({ id: p.id, status: "undelivered", detail: DETAIL.failed, cost, segments });
    else if (state === "abandoned") finals.push({ id: p.id, status: "undelivered", detail: DETAIL.abandoned, cost, segments });
    else if (state === "buffered") finals.push({ id: p.id, status: "buffered", detail: DETAIL.buffered, cost, segments });
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
  // One statement; "buffered" only moves an "accepted" message, verdicts move either open status.
  const col = <K extends keyof Final>(key: K) => sql.param(finals.map((f) => f[key] ?? null));
  const result = await db.execute<{ id: number; status: string; detail: string | null }>(sql`
    update campaign_messages m set
      status = f.status,
      status_changed_at = now(),
      delivered_at = case when f.status = 'delivered' then now() else m.delivered_at end,
      error_message = f.detail,
      error_code = case when f.status = 'delivered' then null else m.error_code end,
      cost = coalesce(m.cost, f.cost),
      segments = coalesce(f.segments, m.segments)
    from unnest(${col("id")}::bigint[], ${col("status")}::text[], ${col("detail")}::text[], ${col("cost")}::numeric[], ${col("segments")}::int[])
      as f(id, status, detail, cost, segments)
    where m.id = f.id
      and (m.status = 'accepted' or (m.status = 'buffered' and f.status <> 'buffered'))
    returning m.id, m.status, m.error_message as detail`);
  await recordEvents(db, "poll", result.rows.map((r) => ({ messageId: Number(r.id), status: r.status, detail: r.detail })));
  return result.rows.filter((r) => r.status !== "buffered").length;
}
