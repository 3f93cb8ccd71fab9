import { describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../errors";
import { backoffDelayMs, resolveRetryOptions, shouldRetry, withRetry } from "./retry";

const err = (
  code: ProviderErrorCode,
  retryable: boolean,
  mayHaveBeenAccepted: boolean,
  retryAfterMs: number | null = null,
) => new ProviderError({ provider: "cpsms", operation: "x", code, retryable, mayHaveBeenAccepted, retryAfterMs });

describe("shouldRetry", () => {
  it("retries a send only when the provider cannot have accepted it", () => {
    expect(shouldRetry(err("network", true, false), "send", 30_000)).toBe(true); // connection refused
    expect(shouldRetry(err("rate_limited", true, false, 1000), "send", 30_000)).toBe(true); // 429
    expect(shouldRetry(err("server_error", true, false, 1000), "send", 30_000)).toBe(true); // 503 + Retry-After
    expect(shouldRetry(err("server_error", true, true), "send", 30_000)).toBe(false); // 500
    expect(shouldRetry(err("timeout", true, true), "send", 30_000)).toBe(false);
    expect(shouldRetry(err("network", true, true), "send", 30_000)).toBe(false); // reset after write
    expect(shouldRetry(err("timeout", true, true), "write", 30_000)).toBe(false);
  });

  it("lets reads retry timeouts and 5xx, never client errors", () => {
    expect(shouldRetry(err("timeout", true, true), "read", 30_000)).toBe(true);
    expect(shouldRetry(err("server_error", true, true), "read", 30_000)).toBe(true);
    expect(shouldRetry(err("unauthorized", false, false), "read", 30_000)).toBe(false);
    expect(shouldRetry(err("bad_response", false, true), "read", 30_000)).toBe(false);
    expect(shouldRetry(new Error("boom"), "read", 30_000)).toBe(false);
  });

  it("does not wait out a Retry-After longer than the cap", () => {
    expect(shouldRetry(err("rate_limited", true, false, 60_000), "read", 30_000)).toBe(false);
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter, is capped, and honours Retry-After", () => {
    const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
    expect(backoffDelayMs(1, err("network", true, false), options)).toBe(100);
    expect(backoffDelayMs(2, err("network", true, false), options)).toBe(200);
    expect(backoffDelayMs(5, err("network", true, false), options)).toBe(1000);
    expect(backoffDelayMs(1, err("rate_limited", true, false, 2500), options)).toBe(2500);
    const low = resolveRetryOptions({ baseDelayMs: 100, random: () => 0 });
    expect(backoffDelayMs(1, err("network", true, false), low)).toBe(50);
  });

  it("rejects a nonsense attempt count", () => {
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe("withRetry", () => {
  it("stops after maxAttempts and rethrows the last error", async () => {
    const sleeps: number[] = [];
    const options = resolveRetryOptions({
      maxAttempts: 3,
      baseDelayMs: 10,
      random: () => 1,
      sleep: async (ms) => void sleeps.push(ms),
    });
    let calls = 0;
    const failure = err("network", true, false);
    await expect(
      withRetry("send", options, async () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it("returns the first success", async () => {
    const options = resolveRetryOptions({ sleep: async () => undefined });
    let calls = 0;
    const result = await withRetry("read", options, async () => {
      calls++;
      if (calls < 2) throw err("timeout", true, true);
      return "ok";
    });
    expect(result).toBe("ok");
    expect(calls).toBe(2);
  });
});
