import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/sms/errors";
import type { SentLookupRow } from "@/lib/sms/provider-adapter";
import { messageFrom, messageTo } from "./apply-transition";
import { holdsLease } from "./dispatch-lease";
import { recordEvents } from "./message-events";
import type { ProviderSession } from "./provider-session";

export type ReconcileResult = { confirmed: number; requeued: number; retryAt: Date | null };

type Uncertain = SentLookupRow;

/**
 * Settles messages left "sending" by a crash or an ambiguous provider failure: ask the provider whether it has
 * them. Found: accepted. Provably absent: queued again. This is what lets a resumed dispatch be neither
 * duplicate nor lossy. How the provider is asked is its adapter's business (`findSent`): CPSMS through its
 * log, smsapp.pk through its message history since `historyMark`.
 */
export async function reconcileUncertain(
  db: Database,
  campaignId: string,
  session: ProviderSession,
  historyMark: number | null,
  options: {
    /** When given, results are written only while this dispatcher still holds the lease. */
    leaseOwner?: string;
    /** Only these rows (those a previous run left), not ones this run has in flight while it looks up. */
    only?: readonly number[];
    /** The provider's answer must have been read after this (see ProviderSession.findSent). */
    notBefore?: Date;
  } = {},
): Promise<ReconcileResult> {
  const { leaseOwner, only, notBefore } = options;
  const rows: Uncertain[] = await db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      body: campaignMessages.body,
      reference: campaignMessages.reference,
      claimedAt: campaignMessages.claimedAt,
    })
    .from(campaignMessages)
    .where(
      and(
        eq(campaignMessages.campaignId, campaignId),
        eq(campaignMessages.status, "sending"),
        only === undefined ? undefined : sql`${campaignMessages.id} = any(${sql.param([...only])}::bigint[])`,
      ),
    );
  if (rows.length === 0) return { confirmed: 0, requeued: 0, retryAt: null };

  let found: Set<number>;
  try {
    const lookup = await session.findSent(rows, historyMark, notBefore);
    if (lookup.retryAt) return { confirmed: 0, requeued: 0, retryAt: lookup.retryAt };
    found = lookup.found;
  } catch (err) {
    // A rate limit is a reason to wait, not to stop: CPSMS's log allows one fetch per 2 minutes per account, and
    // another instance (or anything else on the account) may just have used it. Nothing is decided until we know.
    if (!isProviderError(err) || err.code !== "rate_limited") throw err;
    logger.info({ campaignId, provider: session.provider }, "provider asked us to slow down while checking; waiting");
    return {
      confirmed: 0,
      requeued: 0,
      retryAt: new Date(Date.now() + (err.retryAfterMs ?? session.lookupRateLimitWaitMs)),
    };
  }
  return writeVerdicts(db, campaignId, rows, found, leaseOwner);
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
