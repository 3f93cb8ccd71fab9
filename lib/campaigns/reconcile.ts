import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { GETLOG_MIN_INTERVAL_MS } from "@/lib/sms/cpsms/getlog";
import { isProviderError } from "@/lib/sms/errors";
import { toProviderMsisdn } from "@/lib/sms/msisdn";
import { messageFrom, messageTo } from "./apply-transition";
import { holdsLease } from "./dispatch-lease";
import { recordEvents } from "./message-events";
import type { ProviderSession } from "./provider-session";

export type ReconcileResult = { confirmed: number; requeued: number; retryAt: Date | null };

type Uncertain = { id: number; phone: string; body: string; reference: string | null; claimedAt: Date | null };

/**
 * Settles messages left "sending" by a crash or an ambiguous provider failure: ask the provider whether it has
 * them. Found: accepted. Provably absent: queued again. This is what lets a resumed dispatch be neither
 * duplicate nor lossy. CPSMS is asked through its log (matched on our reference and the number); smsapp.pk
 * through its message history (matched on number and text, within the entries added since `historyMark`).
 */
export async function reconcileUncertain(
  db: Database,
  campaignId: string,
  session: ProviderSession,
  historyMark: number | null,
  /** When given, results are written only while this dispatcher still holds the lease. */
  leaseOwner?: string,
): Promise<ReconcileResult> {
  const rows: Uncertain[] = await db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      body: campaignMessages.body,
      reference: campaignMessages.reference,
      claimedAt: campaignMessages.claimedAt,
    })
    .from(campaignMessages)
    .where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.status, "sending")));
  if (rows.length === 0) return { confirmed: 0, requeued: 0, retryAt: null };

  const found = new Set<number>();
  try {
    const retryAt = await lookUp(session, rows, historyMark, found);
    if (retryAt) return { confirmed: 0, requeued: 0, retryAt };
  } catch (err) {
    // A rate limit is a reason to wait, not to stop: CPSMS's log allows one fetch per 2 minutes per account, and
    // another instance (or anything else on the account) may just have used it. Nothing is decided until we know.
    if (!isProviderError(err) || err.code !== "rate_limited") throw err;
    logger.info({ campaignId, provider: session.provider }, "provider asked us to slow down while checking; waiting");
    return {
      confirmed: 0,
      requeued: 0,
      retryAt: new Date(Date.now() + (err.retryAfterMs ?? RATE_LIMIT_WAIT_MS[session.provider])),
    };
  }
  return writeVerdicts(db, campaignId, rows, found, leaseOwner);
}

/** How long to wait after a rate-limited look-up when the provider names no time (CPSMS: its log window). */
const RATE_LIMIT_WAIT_MS = { cpsms: GETLOG_MIN_INTERVAL_MS, smsapp: 30_000 };

/** Fills `found` with the rows the provider has; returns when to look again if its answer can't tell yet. */
async function lookUp(
  session: ProviderSession,
  rows: Uncertain[],
  historyMark: number | null,
  found: Set<number>,
): Promise<Date | null> {
  if (session.provider === "cpsms") {
    const latestClaim = Math.max(...rows.map((r) => r.claimedAt?.getTime() ?? 0));
    const log = await session.client.getLog();
    // The log must postdate the claims, or a message still on its way would look absent.
    if (log.fetchedAt.getTime() <= latestClaim) return log.nextRefreshAt;
    const sent = new Set(log.rows.map((r) => `${r.userReference}|${r.to}`));
    for (const row of rows) if (sent.has(`${row.reference}|${toProviderMsisdn(row.phone)}`)) found.add(row.id);
  } else {
    const entries = await smsappEntriesSince(session, historyMark);
    const pool = new Map<string, number>();
    for (const e of entries) pool.set(`${e.to}|${e.message}`, (pool.get(`${e.to}|${e.message}`) ?? 0) + 1);
    for (const row of rows) {
      const key = `${toProviderMsisdn(row.phone)}|${row.body}`;
      const left = pool.get(key) ?? 0;
      if (left > 0) {
        found.add(row.id);
        pool.set(key, left - 1);
      }
    }
  }
  return null;
}

/** Writes what the look-up found: found rows accepted, provably absent ones queued again (fenced by the lease). */
async function writeVerdicts(
  db: Database,
  campaignId: string,
  rows: Uncertain[],
  found: Set<number>,
  leaseOwner?: string,
): Promise<ReconcileResult> {
  // The look-up can take long; if another dispatcher took over meanwhile, the rows may be its sends in flight.
  const fence = leaseOwner === undefined ? sql`` : sql`and ${holdsLease(campaignId, leaseOwner)}`;
  const foundIds = rows.filter((r) => found.has(r.id)).map((r) => r.id);
  const missing = rows.filter((r) => !found.has(r.id)).map((r) => r.id);
  const ids = (result: { rows: { id: string | number }[] }) => result.rows.map((r) => Number(r.id));
  // Only rows actually changed get a timeline entry (a fenced-off update changes none).
  const confirmed =
    foundIds.length === 0
      ? []
      : ids(
          await db.execute<{
            id: string;
          }>(sql`update campaign_messages set status = ${messageTo("reconcileFound")}, sent_at = coalesce(sent_at, claimed_at),
            error_code = null, error_message = null, status_changed_at = now()
            where id = any(${sql.param(foundIds)}::bigint[]) and ${messageFrom("reconcileFound")} ${fence} returning id`),
        );
  const requeued =
    missing.length === 0
      ? []
      : ids(
          await db.execute<{
            id: string;
          }>(sql`update campaign_messages set status = ${messageTo("reconcileAbsent")}, claimed_at = null, status_changed_at = now()
            where id = any(${sql.param(missing)}::bigint[]) and ${messageFrom("reconcileAbsent")} ${fence} returning id`),
        );
  await recordEvents(db, "reconcile", [
    ...confirmed.map((messageId) => ({
      messageId,
      status: "accepted",
      detail: "Found at the provider after an interruption.",
    })),
    ...requeued.map((messageId) => ({
      messageId,
      status: "queued",
      detail: "Not found at the provider: it will be sent.",
    })),
  ]);
  logger.info({ campaignId, confirmed: confirmed.length, requeued: requeued.length }, "reconciled uncertain messages");
  return { confirmed: confirmed.length, requeued: requeued.length, retryAt: null };
}

/** The number of entries in smsapp.pk's history now: taken before a dispatch run sends anything. */
export async function smsappHistoryMark(session: ProviderSession): Promise<number | null> {
  if (session.provider !== "smsapp") return null;
  return (await session.client.listMessages(1)).total;
}

/**
 * Entries added to smsapp.pk's history since `mark`. Ultimate SMS lists oldest-first (3.1) or newest-first
 * (3.7), and neither shows a date, so both ends past the mark are read: the window is only this run's sends.
 */
async function smsappEntriesSince(session: Extract<ProviderSession, { provider: "smsapp" }>, mark: number | null) {
  const first = await session.client.listMessages(1);
  const added = Math.max(0, first.total - (mark ?? 0));
  if (added === 0) return [];
  const perPage = first.perPage || 25;
  const pages = new Set<number>();
  for (let p = 1; p <= Math.ceil(added / perPage); p++) pages.add(p); // newest-first
  for (let p = Math.floor((mark ?? 0) / perPage) + 1; p <= first.lastPage; p++) pages.add(p); // oldest-first
  const entries = [];
  for (const page of [...pages].sort((a, b) => a - b)) {
    const result = page === 1 ? first : await session.client.listMessages(page);
    entries.push(...result.items);
  }
  // Both readings may overlap on small histories; de-duplicate by uid.
  return [...new Map(entries.map((e) => [e.uid, e])).values()];
}
