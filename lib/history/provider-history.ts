import "server-only";
import { inArray } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { cpsmsClientFor, smsappClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import { cpsmsDeliveryState } from "@/lib/sms/cpsms/dlr";
import type { CpsmsLogRow } from "@/lib/sms/cpsms/getlog";
import { isProviderError } from "@/lib/sms/errors";
import type { SmsappPage } from "@/lib/sms/smsapp/messages";
import type { SmsappMessage } from "@/lib/sms/smsapp/schemas";

/** A provider call's failure as the page shows it: never swallowed, never a stack trace. */
export type ProviderFailure = { ok: false; mode: ProviderMode; code: string; message: string };

/** Browsing must not hang a page: one attempt, a few seconds. */
const BROWSE = { timeoutMs: 8_000, retry: { maxAttempts: 1 } } as const;

function failure(err: unknown, mode: ProviderMode): ProviderFailure {
  if (isProviderError(err)) return { ok: false, mode, code: err.code, message: err.userMessage };
  throw err;
}

/** Our message ids for provider uids, so the browser can link to our side of the story. */
async function ourMessagesByUid(db: Database, uids: string[]): Promise<Record<string, number>> {
  if (uids.length === 0) return {};
  const rows = await db
    .select({ id: campaignMessages.id, uid: campaignMessages.providerMessageId })
    .from(campaignMessages)
    .where(inArray(campaignMessages.providerMessageId, uids));
  return Object.fromEntries(rows.map((r) => [r.uid!, r.id]));
}

/** One page of smsapp.pk's own message history (`GET /sms?page=N`), exactly as it reports it. */
export async function browseSmsappHistory(
  db: Database,
  page: number,
): Promise<
  { ok: true; mode: ProviderMode; page: SmsappPage<SmsappMessage>; ours: Record<string, number> } | ProviderFailure
> {
  const resolved = await resolveProvider(db, "smsapp");
  try {
    const result = await smsappClientFor(resolved, BROWSE).listMessages(page);
    return {
      ok: true,
      mode: resolved.mode,
      page: result,
      ours: await ourMessagesByUid(
        db,
        result.items.map((i) => i.uid),
      ),
    };
  } catch (err) {
    return failure(err, resolved.mode);
  }
}

/** One smsapp.pk message by uid, its status read live. */
export async function smsappMessageByUid(
  db: Database,
  uid: string,
): Promise<
  { ok: true; mode: ProviderMode; message: SmsappMessage; ourId: number | null; checkedAt: Date } | ProviderFailure
> {
  const resolved = await resolveProvider(db, "smsapp");
  try {
    const message = await smsappClientFor(resolved, BROWSE).getMessage(uid);
    const ours = await ourMessagesByUid(db, [uid]);
    return { ok: true, mode: resolved.mode, message, ourId: ours[uid] ?? null, checkedAt: new Date() };
  } catch (err) {
    return failure(err, resolved.mode);
  }
}

export const CPSMS_LOG_PAGE_SIZE = 100;

export type CpsmsLogView = {
  ok: true;
  mode: ProviderMode;
  rows: (CpsmsLogRow & { state: string })[];
  total: number;
  page: number;
  pageCount: number;
  fetchedAt: Date;
  nextRefreshAt: Date;
  fromCache: boolean;
  stale: boolean;
};

/**
 * CPSMS's log (`GET /getlog`, at most once per two minutes per account): served from the shared cache
 * (lib/providers/getlog-cache.ts) until the provider allows a fresh fetch, newest first, optionally one number.
 */
export async function cpsmsLogView(
  db: Database,
  options: { page: number; to?: string },
): Promise<CpsmsLogView | ProviderFailure> {
  const resolved = await resolveProvider(db, "cpsms");
  try {
    const log = await cpsmsClientFor(resolved, db, BROWSE).getLog(options.to ? { to: options.to } : {});
    const sorted = [...log.rows].sort((a, b) => b.timeSent.getTime() - a.timeSent.getTime());
    const pageCount = Math.max(1, Math.ceil(sorted.length / CPSMS_LOG_PAGE_SIZE));
    const page = Math.min(Math.max(1, options.page), pageCount);
    return {
      ok: true,
      mode: resolved.mode,
      rows: sorted
        .slice((page - 1) * CPSMS_LOG_PAGE_SIZE, page * CPSMS_LOG_PAGE_SIZE)
        .map((r) => ({ ...r, state: r.dlrStatus === 0 ? "no report yet" : cpsmsDeliveryState(r.dlrStatus) })),
      total: sorted.length,
      page,
      pageCount,
      fetchedAt: log.fetchedAt,
      nextRefreshAt: log.nextRefreshAt,
      fromCache: log.fromCache,
      stale: log.stale,
    };
  } catch (err) {
    return failure(err, resolved.mode);
  }
}
