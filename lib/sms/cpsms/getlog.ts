import { z } from "zod";
import { isProviderError } from "../errors";
import { toProviderMsisdn } from "../msisdn";
import type { CpsmsCall, CpsmsHttp } from "./http";
import { getLogResponseSchema } from "./schemas";

/** CPSMS allows one /getlog call per two minutes per account. */
export const GETLOG_MIN_INTERVAL_MS = 120_000;

/**
 * Where fetched logs are kept between calls. The in-memory default suits one process; the app can store it in
 * Postgres so several instances share one fetch. Values are plain JSON.
 */
export interface GetlogCache {
  get(key: string): unknown | Promise<unknown>;
  set(key: string, value: unknown): void | Promise<void>;
}

/** A process-local GetlogCache. */
export function createMemoryGetlogCache(): GetlogCache {
  const entries = new Map<string, unknown>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
}

export interface CpsmsLogRow {
  to: string;
  from: string | null;
  pointPrice: number | null;
  smsAmount: number | null;
  /** The `reference` we sent. */
  userReference: string | null;
  /** 0 = no report yet; otherwise the DLR code (see dlr.ts). */
  dlrStatus: number;
  dlrStatusText: string;
  timeSent: Date;
}

export interface CpsmsLogFilter {
  to?: string;
  reference?: string;
  since?: Date;
  until?: Date;
}

export interface CpsmsLogResult {
  rows: CpsmsLogRow[];
  fetchedAt: Date;
  /** Earliest moment CPSMS will serve a fresh log. */
  nextRefreshAt: Date;
  fromCache: boolean;
  /** True when CPSMS refused a refresh (rate limit) and these rows are older than two minutes. */
  stale: boolean;
}

const cachedLogSchema = z.object({
  fetchedAt: z.number(),
  nextRefreshAt: z.number(),
  rows: z.array(
    z.object({
      to: z.string(),
      from: z.string().nullable(),
      pointPrice: z.number().nullable(),
      smsAmount: z.number().nullable(),
      userReference: z.string().nullable(),
      dlrStatus: z.number(),
      dlrStatusText: z.string(),
      timeSent: z.number(),
    }),
  ),
});
type CachedLog = z.output<typeof cachedLogSchema>;

/**
 * GET /getlog behind a cache. The whole 3-month log is fetched (the limit is per account, not per query) and
 * filtered here, so any filter can be answered from one fetch.
 */
export function createCpsmsGetlog(
  http: CpsmsHttp,
  options: { cache: GetlogCache; cacheKey: string; now: () => number },
) {
  let inFlight: Promise<{ log: CachedLog; fromNetwork: boolean }> | null = null;
  const call: CpsmsCall = {
    operation: "getlog",
    method: "GET",
    path: "/getlog",
    kind: "read",
    passThrough: (status) => status === 409,
    // The limit's status is undocumented; the sandbox uses 406. 429 maps to rate_limited anyway.
    statusCodes: { 406: "rate_limited" },
  };

  async function readCache(): Promise<CachedLog | null> {
    const parsed = cachedLogSchema.safeParse(await options.cache.get(options.cacheKey));
    return parsed.success ? parsed.data : null;
  }

  async function refresh(cached: CachedLog | null): Promise<{ log: CachedLog; fromNetwork: boolean }> {
    try {
      const response = await http.call(call);
      // 409 = "nothing to return": an empty log.
      const rows = response.status === 409 ? [] : http.parse(getLogResponseSchema, response, call);
      const now = options.now();
      const log = { fetchedAt: now, nextRefreshAt: now + GETLOG_MIN_INTERVAL_MS, rows };
      await options.cache.set(options.cacheKey, log);
      return { log, fromNetwork: true };
    } catch (err) {
      // Another instance (or an untracked call) used the slot: serve what we have and wait out the window.
      if (!isProviderError(err) || err.code !== "rate_limited" || cached === null) throw err;
      const log = { ...cached, nextRefreshAt: options.now() + (err.retryAfterMs ?? GETLOG_MIN_INTERVAL_MS) };
      await options.cache.set(options.cacheKey, log);
      return { log, fromNetwork: false };
    }
  }

  return async function getLog(filter: CpsmsLogFilter = {}): Promise<CpsmsLogResult> {
    const cached = await readCache();
    if (cached && options.now() < cached.nextRefreshAt) return toResult(cached, filter, true, options.now());
    inFlight ??= refresh(cached).finally(() => {
      inFlight = null;
    });
    const { log, fromNetwork } = await inFlight;
    return toResult(log, filter, !fromNetwork, options.now());
  };
}

function toResult(log: CachedLog, filter: CpsmsLogFilter, fromCache: boolean, now: number): CpsmsLogResult {
  const to = filter.to === undefined ? undefined : toProviderMsisdn(filter.to);
  const since = filter.since ? filter.since.getTime() / 1000 : -Infinity;
  const until = filter.until ? filter.until.getTime() / 1000 : Infinity;
  const rows = log.rows
    .filter((row) => (to === undefined || row.to === to) && row.timeSent >= since && row.timeSent <= until)
    .filter((row) => filter.reference === undefined || row.userReference === filter.reference)
    .map((row) => ({ ...row, timeSent: new Date(row.timeSent * 1000) }));
  return {
    rows,
    fetchedAt: new Date(log.fetchedAt),
    nextRefreshAt: new Date(log.nextRefreshAt),
    fromCache,
    stale: now - log.fetchedAt >= GETLOG_MIN_INTERVAL_MS,
  };
}
