import { isProviderError, ProviderError } from "@/lib/sms/errors";
import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/** How long a dispatcher keeps waiting out a provider's rate limit before it pauses the campaign and says why. */
export const RATE_LIMIT_PATIENCE_MS = 30 * 60_000;

/** The longest single sleep while waiting: the lease (20 s) is renewed, and staff's pause or cancel seen, between steps. */
const STEP_MS = 5000;

/** The wait after the n-th rate-limited answer in a row: what the provider asked for, else backing off to 30 s. */
export function rateLimitWaitMs(retryAfterMs: number | null, n: number): number {
  return Math.max(retryAfterMs ?? 0, Math.min(30_000, 1000 * 2 ** Math.min(n, 5)));
}

/**
 * Sleeps `ms` in steps of at most 5 s, asking `keepGoing` after each (renew the lease, look for a pause): false as
 * soon as it says stop. Counted in slept time rather than by the clock, so an injected sleep waits the same.
 */
export async function sleepInSteps(
  ms: number,
  sleep: (ms: number) => Promise<void>,
  keepGoing: () => Promise<boolean>,
): Promise<boolean> {
  for (let slept = 0; slept < ms; ) {
    const step = Math.min(STEP_MS, ms - slept);
    await sleep(step);
    slept += step;
    if (!(await keepGoing())) return false;
  }
  return true;
}

/** The error a campaign pauses with when the provider kept asking us to slow down past our patience. */
export function slowDownTooLong(provider: ProviderName): ProviderError {
  const label = PROVIDER_INFO[provider].shortLabel;
  return new ProviderError({
    provider,
    code: "rate_limited",
    operation: "send",
    retryable: false,
    mayHaveBeenAccepted: false,
    detail: `${label} kept asking us to slow down for over ${RATE_LIMIT_PATIENCE_MS / 60_000} minutes, so sending is paused. Resume it when you like: only guests not yet texted get it.`,
  });
}

/** What `patiently` returns when the lease was lost while waiting. */
export const STOPPED = Symbol("stopped");

/** Runs a provider read, waiting out rate limits (lease kept) up to RATE_LIMIT_PATIENCE_MS; STOPPED if we lost the lease. */
export async function patiently<T>(
  read: () => Promise<T>,
  provider: ProviderName,
  sleep: (ms: number) => Promise<void>,
  stillOurs: () => Promise<boolean>,
): Promise<T | typeof STOPPED> {
  for (let waited = 0, attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!isProviderError(err) || err.code !== "rate_limited") throw err;
      const wait = rateLimitWaitMs(err.retryAfterMs, attempt);
      if (waited + wait > RATE_LIMIT_PATIENCE_MS) throw slowDownTooLong(provider);
      if (!(await sleepInSteps(wait, sleep, stillOurs))) return STOPPED;
      waited += wait;
    }
  }
}
