import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

/** Milliseconds taken by fn, rounded to 0.01 ms. */
export async function timeMs<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: round(performance.now() - start), result };
}

/** Median of several runs after a warm-up, the figure least disturbed by a busy 2-core machine. */
export async function medianMs(fn: () => Promise<unknown>, runs = 7): Promise<{ ms: number; runs: number[] }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timeMs(fn)).ms);
  const sorted = [...samples].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)] ?? 0, runs: samples };
}

/** Samples this process's resident memory while fn runs; returns the peak in MB. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ peakRssMb: number; result: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { peakRssMb: Math.round(peak / 1024 / 1024), result };
  } finally {
    clearInterval(timer);
  }
}

export function round(n: number, places = 2) {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/**
 * A full garbage collection now, so a memory figure taken next is what is live, not what is waiting to be freed.
 * The bench runs without --expose-gc: the flag set at run time makes `gc` reachable in a fresh context.
 */
export function collectGarbage() {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
}

/** The p-th percentile of an ascending list (nearest rank); 0 for an empty one. */
export function percentile(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The server's own time for a response (its `Server-Timing: app;dur=…`, lib/runtime/direct-routes.ts), or NaN. */
export function serverTimeMs(res: Response): number {
  return Number(/app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
}

/**
 * Runs fn with every thread of this process at `niceness` (Linux sets a priority per thread: os.setPriority()
 * alone leaves V8's compiler and GC threads and libuv's pool where they were), then puts each thread back as
 * far as it may (raising a priority again needs root).
 */
export async function withProcessNiceness<T>(niceness: number, fn: () => Promise<T>): Promise<T> {
  const threads = (): number[] => {
    try {
      return fs.readdirSync("/proc/self/task").map(Number);
    } catch {
      return [process.pid]; // not Linux: the process's priority is all there is
    }
  };
  const before = new Map(threads().map((t) => [t, os.getPriority(t)]));
  const set = (t: number, n: number) => {
    try {
      os.setPriority(t, n);
    } catch {
      // a thread gone meanwhile, or not allowed (raising a priority again as non-root): leave it
    }
  };
  for (const t of before.keys()) set(t, niceness);
  try {
    return await fn();
  } finally {
    for (const t of threads()) set(t, before.get(t) ?? os.getPriority());
  }
}
