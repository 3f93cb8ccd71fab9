import { ProviderError } from "../errors";
import type { ProviderName } from "../types";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpRequestSpec {
  provider: ProviderName;
  operation: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface HttpResponseData {
  status: number;
  headers: Headers;
  text: string;
}

export interface TransportConfig {
  fetch: typeof fetch;
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Network-level codes that mean the request never left this machine, so nothing can have been accepted. */
const NOT_SENT_CAUSES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * One HTTP exchange with a hard timeout covering headers and body. Transport failures become ProviderErrors
 * that say whether the provider may have seen the request; HTTP statuses are left to the caller.
 */
export async function performRequest(config: TransportConfig, spec: HttpRequestSpec): Promise<HttpResponseData> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  try {
    const response = await config.fetch(spec.url, {
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      signal,
      redirect: "manual",
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (err) {
    throw transportError(spec, err, signal.aborted);
  }
}

function transportError(spec: HttpRequestSpec, err: unknown, timedOut: boolean): ProviderError {
  const base = { provider: spec.provider, operation: spec.operation, httpStatus: null };
  if (timedOut || isNamed(err, "TimeoutError") || isNamed(err, "AbortError")) {
    return new ProviderError({
      ...base,
      code: "timeout",
      retryable: true,
      mayHaveBeenAccepted: true,
      causeCode: "TIMEOUT",
    });
  }
  const causeCode = findCauseCode(err);
  const notSent = causeCode !== null && NOT_SENT_CAUSES.has(causeCode);
  return new ProviderError({
    ...base,
    code: "network",
    retryable: true,
    mayHaveBeenAccepted: !notSent,
    causeCode: causeCode ?? "FETCH_FAILED",
  });
}

/** Digs the system error code out of undici's `TypeError: fetch failed` (cause chains and AggregateErrors). */
export function findCauseCode(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== "object" || depth > 5) return null;
  const candidate = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof candidate.code === "string" && candidate.code.length > 0) return candidate.code;
  if (Array.isArray(candidate.errors)) {
    for (const inner of candidate.errors) {
      const code = findCauseCode(inner, depth + 1);
      if (code) return code;
    }
  }
  return findCauseCode(candidate.cause, depth + 1);
}

/** Parses Retry-After (delta-seconds or HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Parses a body as JSON, or returns undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isNamed(err: unknown, name: string): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === name;
}
