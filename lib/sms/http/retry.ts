import { isProviderError } from "../errors";
import type { RetryOptions } from "../types";

/**
 * "send" calls cost money and reach handsets; "write" calls change provider state (a blind repeat can hit
 * "already exists"); "read" calls are safe to repeat.
 */
export type CallKind = "send" | "write" | "read";

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Fills in defaults; rejects nonsense such as zero attempts. */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const merged = { ...DEFAULT_RETRY, ...stripUndefined(options ?? {}) };
  if (!Number.isInteger(merged.maxAttempts) || merged.maxAttempts < 1) {
    throw new RangeError("retry.maxAttempts must be a whole number of at least 1");
  }
  return merged;
}

/**
 * Whether a failed call may be repeated. Sends are repeated only when the provider cannot have accepted them
 * (connection refused, DNS failure, 429, 503 with Retry-After): there is no idempotency key, so anything else
 * risks a second SMS and a second charge.
 */
export function shouldRetry(err: unknown, kind: CallKind, retryAfterCapMs: number): boolean {
  if (!isProviderError(err) || !err.retryable) return false;
  if (kind !== "read" && err.mayHaveBeenAccepted) return false;
  if (err.retryAfterMs !== null && err.retryAfterMs > retryAfterCapMs) return false;
  return true;
}

/** Delay before attempt `attempt + 1`: the server's Retry-After when given, else capped exponential backoff with jitter. */
export function backoffDelayMs(attempt: number, err: unknown, options: ResolvedRetryOptions): number {
  if (isProviderError(err) && err.retryAfterMs !== null) return err.retryAfterMs;
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (options.random() * exponential) / 2);
}

/** Runs `operation`, repeating it per the policy above. The last error is rethrown unchanged. */
export async function withRetry<T>(
  kind: CallKind,
  options: ResolvedRetryOptions,
  operation: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (attempt >= options.maxAttempts || !shouldRetry(err, kind, options.maxRetryAfterMs)) throw err;
      await options.sleep(backoffDelayMs(attempt, err, options));
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
