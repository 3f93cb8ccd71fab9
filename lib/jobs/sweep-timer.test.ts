import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AFTER_LEASE_MS, startSweeper } from "./sweep-timer";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A sweep that reports, in turn, these times until a live lease ends (then none). */
function sweepReporting(...leaseEnds: (number | null)[]) {
  const at: number[] = [];
  const sweep = vi.fn(async () => {
    at.push(Date.now());
    return { nextLeaseEndInMs: leaseEnds.shift() ?? null };
  });
  return { sweep, at };
}

describe("the worker's sweeps", () => {
  it("sweeps at start, then again just after the live lease it saw runs out, not a whole interval later", async () => {
    const start = Date.now();
    const { sweep, at } = sweepReporting(14_000);
    const sweeper = await startSweeper(sweep, 20_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(14_000 + AFTER_LEASE_MS - 1);
    expect(sweep).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweep).toHaveBeenCalledTimes(2);
    expect(at[1]! - start).toBe(14_000 + AFTER_LEASE_MS);
    // ...and every interval as before.
    await vi.advanceTimersByTimeAsync(20_000 - 14_000 - AFTER_LEASE_MS);
    expect(sweep).toHaveBeenCalledTimes(3);
    sweeper.stop();
  });

  it("keeps one timer, at the earliest lease end: a live dispatcher renewing its lease adds no pile of sweeps", async () => {
    // Start: a lease ends in 15 s. The interval sweep at 20 s sees it renewed (ends in 19 s)... and so on.
    const { sweep } = sweepReporting(15_000, 19_000, 19_000, 19_000, 19_000, 19_000);
    const sweeper = await startSweeper(sweep, 20_000);
    await vi.advanceTimersByTimeAsync(60_000);
    // Start, 15.1 s (lease end), 20 s (interval), 34.2 s (lease end seen at 15.1), 40 s, 53.3 s (seen at 34.2), 60 s.
    expect(sweep).toHaveBeenCalledTimes(7);
    sweeper.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sweep).toHaveBeenCalledTimes(7);
  });

  it("a failed sweep (undefined) waits for the next round", async () => {
    const sweep = vi.fn(async () => undefined);
    const sweeper = await startSweeper(sweep, 20_000);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(sweep).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sweep).toHaveBeenCalledTimes(2);
    sweeper.stop();
  });
});
