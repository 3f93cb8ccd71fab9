import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { cpsmsDeliveryState } from "@/lib/sms/cpsms/dlr";
import { isProviderError } from "@/lib/sms/errors";
import { toProviderMsisdn } from "@/lib/sms/msisdn";
import { parseSmsappStatus } from "@/lib/sms/smsapp/status";
import { recordEvents } from "./message-events";
import type { ProviderSessionFactory } from "./provider-session";

/** Messages are followed for three days; operators give up retrying well before that. */
const FOLLOW_FOR_MS = 72 * 3600_000;
const PER_RUN = 500;

type Pending = { id: number; phone: string; body: string; reference: string | null; providerMessageId: string | null };
type Final = { id: number; status: "delivered" | "undelivered"; detail: string | null };

/**
 * Asks the providers what became of sent messages that have no final status yet: smsapp.pk has no webhooks
 * at all, and CPSMS reports only reach us when it can call PUBLIC_URL. smsapp.pk: by uid when we have one,
 * else by number and text in its history; CPSMS: its log (one shared fetch per two minutes).
 */
export async function pollDeliveryStatus(
  db: Database,
  sessions: ProviderSessionFactory,
  options: { campaignId?: string } = {},
): Promise<{ updated: number }> {
  let updated = 0;
  for (const provider of ["smsapp", "cpsms"] as const) {
    const pending = await pendingMessages(db, provider, options.campaignId);
    if (pending.length === 0) continue;
    const session = await sessions(provider);
    try {
      const finals = session.provider === "smsapp" ? await smsappFinals(session.client, pending) : await cpsmsFinals(session.client, pending);
      updated += await applyFinals(db, finals);
      // Rows still without a verdict go to the back of the line, so a few stuck ones can't starve the rest.
      const settled = new Set(finals.map((f) => f.id));
      const stillPending = pending.filter((p) => !settled.has(p.id)).map((p) => p.id);
      if (stillPending.length) {
        await db.execute(sql`update campaign_messages set status_changed_at = now() where id = any(${sql.param(stillPending)}::bigint[])`);
      }
    } catch (err) {
      logger.warn({ err, provider }, "delivery status poll failed; will try again");
    }
  }
  return { updated };
}

async function pendingMessages(db: Database, provider: "cpsms" | "smsapp", campaignId?: string): Promise<Pending[]> {
  return db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      body: campaignMessages.body,
      reference: campaignMessages.reference,
      providerMessageId: campaignMessages.providerMessageId,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(
      and(
        eq(campaigns.provider, provider),
        campaignId ? eq(campaigns.id, campaignId) : undefined,
        eq(campaignMessages.status, "accepted"),
        gt(campaignMessages.sentAt, new Date(Date.now() - FOLLOW_FOR_MS)),
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
    if (status.state === "failed") return { id, status: "undelivered", detail: `smsapp.pk: ${status.label}` };
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
  const codes = new Map(log.rows.map((r) => [`${r.userReference}|${r.to}`, r.dlrStatus]));
  const finals: Final[] = [];
  for (const p of pending) {
    const code = codes.get(`${p.reference}|${toProviderMsisdn(p.phone)}`);
    if (!code) continue;
    const state = cpsmsDeliveryState(code);
    if (state === "delivered") finals.push({ id: p.id, status: "delivered", detail: null });
    else if (state === "failed" || state === "abandoned") finals.push({ id: p.id, status: "undelivered", detail: "The operator could not deliver it." });
  }
  return finals;
}

async function applyFinals(db: Database, finals: Final[]): Promise<number> {
  let n = 0;
  for (const status of ["delivered", "undelivered"] as const) {
    const group = finals.filter((f) => f.status === status);
    if (group.length === 0) continue;
    const rows = await db
      .update(campaignMessages)
      .set({
        status,
        statusChangedAt: new Date(),
        ...(status === "delivered" ? { deliveredAt: new Date() } : { errorMessage: group[0]?.detail ?? null }),
      })
      .where(and(inArray(campaignMessages.id, group.map((f) => f.id)), eq(campaignMessages.status, "accepted")))
      .returning({ id: campaignMessages.id });
    n += rows.length;
    await recordEvents(db, "poll", group.map((f) => ({ messageId: f.id, status, detail: f.detail })));
  }
  return n;
}
