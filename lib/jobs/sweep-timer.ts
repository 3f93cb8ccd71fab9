/**
 * The lease test is "lease_until < now()": a sweep at the very instant a lease ends would find it still held.
 * Sweeping a moment later costs nothing against a lease of seconds.
 */
export const AFTER_LEASE_MS = 100;

export type Sweeper = { stop: () => void };

/**
 * Runs a worker's own campaign sweep now, every `everyMs`, and once more the moment the first live lease it saw
 * runs out. After a crash or a power cut the restarted worker finds the lease the dead dispatcher renewed just
 * before dying; without the extra sweep the campaign waited for the next round, up to `everyMs` after the lease
 * ended. A live dispatcher renews its lease before then, and that sweep just finds it held again. One timer at a
 * time, at the earliest lease end seen, so nothing piles up however many campaigns are sending.
 */
export async function startSweeper(
  sweep: () => Promise<{ nextLeaseEndInMs: number | null } | undefined>,
  everyMs: number,
): Promise<Sweeper> {
  let stopped = false;
  let next: { at: number; timer: NodeJS.Timeout } | undefined;

  const sweepAndWatch = async () => {
    const result = await sweep();
    if (stopped || result?.nextLeaseEndInMs == null) return;
    const at = Date.now() + result.nextLeaseEndInMs + AFTER_LEASE_MS;
    if (next && next.at <= at) return; // an earlier sweep is already due, and it looks again
    if (next) clearTimeout(next.timer);
    const timer = setTimeout(() => {
      next = undefined;
      void sweepAndWatch();
    }, at - Date.now());
    timer.unref();
    next = { at, timer };
  };

  await sweepAndWatch();
  const interval = setInterval(() => void sweepAndWatch(), everyMs);
  interval.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(interval);
      if (next) clearTimeout(next.timer);
    },
  };
}
