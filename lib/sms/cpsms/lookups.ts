import { toProviderMsisdn } from "../msisdn";
import type { PendingMessage, SentLookup, SentLookupRow, VerdictUpdate } from "../provider-adapter";
import type { CpsmsClient } from "./client";
import { cpsmsDeliveryState } from "./dlr";

const DETAIL = {
  failed: "The operator could not deliver it.",
  abandoned: "Gave up: the phone stayed unreachable.",
  buffered: "Waiting: the phone is off or out of reach; the operator keeps trying.",
};

/** Uncertain rows CPSMS has, by its log (matched on our reference and the number). */
export async function findSentInCpsmsLog(
  client: CpsmsClient,
  rows: readonly SentLookupRow[],
  notBefore?: Date,
): Promise<SentLookup> {
  const latestClaim = Math.max(...rows.map((r) => r.claimedAt?.getTime() ?? 0));
  const log = await client.getLog();
  // The log must postdate the claims, or a message still on its way would look absent; for a dead run's rows it
  // must postdate the takeover too. The log is shared and cached: one the dead run's delivery poller read a
  // moment after a claim, while that claim's send was still on its way, once had a restart text guests twice.
  const trustedAfter = Math.max(latestClaim, notBefore?.getTime() ?? 0);
  if (log.fetchedAt.getTime() <= trustedAfter) return { found: null, retryAt: log.nextRefreshAt };
  const sent = new Set(log.rows.map((r) => `${r.userReference}|${r.to}`));
  const found = new Set<number>();
  for (const row of rows) if (sent.has(`${row.reference}|${toProviderMsisdn(row.phone)}`)) found.add(row.id);
  return { found, retryAt: null };
}

/** Verdicts from CPSMS's log (one shared fetch per two minutes, so no per-message backoff is needed). */
export async function cpsmsVerdicts(client: CpsmsClient, pending: readonly PendingMessage[]): Promise<VerdictUpdate[]> {
  const log = await client.getLog();
  const rows = new Map(log.rows.map((r) => [`${r.userReference}|${r.to}`, r]));
  const finals: VerdictUpdate[] = [];
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
