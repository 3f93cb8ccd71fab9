import pMap from "p-map";
import { isProviderError } from "../errors";
import { toProviderMsisdn } from "../msisdn";
import type { PendingMessage, SentLookup, SentLookupRow, VerdictUpdate } from "../provider-adapter";
import type { SmsappClient } from "./client";
import { smsappReason } from "./reason";
import type { SmsappMessage } from "./schemas";

/** History pages read at once when looking up uncertain messages. */
const HISTORY_READS_AT_ONCE = 4;

const BUFFERED = "Waiting: the phone is off or out of reach; the operator keeps trying.";

/** The number of entries in smsapp.pk's history now: taken before a dispatch run sends anything. */
export async function smsappHistoryMark(client: SmsappClient): Promise<number> {
  return (await client.listMessages(1)).total;
}

/** Uncertain rows smsapp.pk has, by its history (matched on number and text, among entries since `mark`). */
export async function findSentInSmsappHistory(
  client: SmsappClient,
  rows: readonly SentLookupRow[],
  mark: number | null,
): Promise<SentLookup> {
  const entries = await entriesSince(client, mark);
  const pool = new Map<string, number>();
  for (const e of entries) pool.set(`${e.to}|${e.message}`, (pool.get(`${e.to}|${e.message}`) ?? 0) + 1);
  const found = new Set<number>();
  for (const row of rows) {
    const key = `${toProviderMsisdn(row.phone)}|${row.body}`;
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      found.add(row.id);
      pool.set(key, left - 1);
    }
  }
  return { found, retryAt: null };
}

/**
 * Entries added to smsapp.pk's history since `mark`. Ultimate SMS lists oldest-first (3.1) or newest-first
 * (3.7), and neither shows a date, so both ends past the mark are read: the window is only this run's sends.
 */
async function entriesSince(client: SmsappClient, mark: number | null) {
  const first = await client.listMessages(1);
  const added = Math.max(0, first.total - (mark ?? 0));
  if (added === 0) return [];
  const perPage = first.perPage || 25;
  const pages = new Set<number>();
  for (let p = 1; p <= Math.ceil(added / perPage); p++) pages.add(p); // newest-first
  for (let p = Math.floor((mark ?? 0) / perPage) + 1; p <= first.lastPage; p++) pages.add(p); // oldest-first
  // A resumed campaign waits for this reading before it sends again: pages go in parallel, as many at once as a
  // campaign's sends (a few thousand entries are a hundred-odd pages).
  const results = await pMap(
    [...pages].sort((a, b) => a - b),
    (page) => (page === 1 ? first : client.listMessages(page)),
    { concurrency: HISTORY_READS_AT_ONCE },
  );
  const entries = results.flatMap((r) => r.items);
  // Both readings may overlap on small histories; de-duplicate by uid.
  return [...new Map(entries.map((e) => [e.uid, e])).values()];
}

/**
 * Verdicts from smsapp.pk (no webhooks at all): by uid when we have one, else by number and text in its
 * history's newest pages. Messages it doesn't list yet are left out.
 */
export async function smsappVerdicts(
  client: SmsappClient,
  pending: readonly PendingMessage[],
): Promise<VerdictUpdate[]> {
  const finals: VerdictUpdate[] = [];
  const toFinal = (p: PendingMessage, sms: SmsappMessage): VerdictUpdate => {
    const status = sms.status;
    // What smsapp.pk charged and which sender it used (bulk sends: the account default) are facts either way.
    const facts = { cost: p.cost === null ? sms.cost : undefined, sender: sms.from };
    // A bare "Delivered" only means the gateway took it; the handset verdict carries the gateway id.
    if (status.state === "delivered" && status.gatewayMessageId)
      return { id: p.id, status: "delivered", detail: null, ...facts };
    if (status.state === "failed")
      return { id: p.id, status: "undelivered", detail: smsappReason(status.label), ...facts };
    if (/^buffered/i.test(status.label)) return { id: p.id, status: "buffered", detail: BUFFERED, ...facts };
    return { id: p.id, status: "accepted", detail: null, ...facts };
  };
  for (const p of pending) {
    if (!p.providerMessageId) continue;
    try {
      finals.push(toFinal(p, await client.getMessage(p.providerMessageId)));
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
