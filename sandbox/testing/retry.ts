import type { RetryOptions } from "../../lib/sms/types";

/** Retry settings for tests: real policy, no real waiting; records the delays it was asked to wait. */
export function instantRetry(overrides: RetryOptions = {}): RetryOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    maxAttempts: 3,
    baseDelayMs: 5,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
    sleeps,
  };
}
