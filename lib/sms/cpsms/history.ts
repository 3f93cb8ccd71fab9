import "server-only";
import type { Database } from "@/lib/db";
import { cpsmsClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import { BROWSE_TRANSPORT, browseFailure, type ProviderFailure } from "../provider-browse";
import { cpsmsDeliveryState } from "./dlr";
import type { CpsmsLogRow } from "./getlog";

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
    const log = await cpsmsClientFor(resolved, db, BROWSE_TRANSPORT).getLog(options.to ? { to: options.to } : {});
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
    return browseFailure(err, resolved.mode);
  }
}
