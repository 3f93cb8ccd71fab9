/** Sandbox time: the real (or injected) clock plus an offset tests can push forward. */
export interface SandboxClock {
  now(): number;
  /** Moves time forward; the caller then runs whatever became due. */
  advance(ms: number): number;
  reset(): void;
}

/** A clock on `base` (default Date.now) that tests can move forward. */
export function createClock(base: () => number = Date.now): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => base() + offsetMs,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance(ms) needs a non-negative number");
      offsetMs += ms;
      return base() + offsetMs;
    },
    reset() {
      offsetMs = 0;
    },
  };
}
