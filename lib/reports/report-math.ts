// Pure arithmetic for the reports (no database, safe in any component): a figure that can't be computed is null,
// shown as "—", never Infinity or NaN.

import { dayDate } from "@/lib/dashboard/chart-ticks";

/** n out of `of` as a share (0.25), or null when there is nothing to divide by. */
export function rate(n: number, of: number): number | null {
  return of > 0 && Number.isFinite(n) ? n / of : null;
}

/** What each redemption cost, or null with no redemptions (no cost "per" nothing). */
export function costPerRedemption(cost: number, redeemed: number): number | null {
  return redeemed > 0 ? cost / redeemed : null;
}

/**
 * yyyy-mm-dd for each day from `first` to `last` inclusive, at most `max` (days as text, so no time zone can
 * shift them); always at least `first`, even when `last` is before it.
 */
export function daysBetween(first: string, last: string, max = 366): string[] {
  const out: string[] = [];
  const d = dayDate(first);
  const end = dayDate(last).getTime();
  while (d.getTime() <= end && out.length < max) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out.length ? out : [first];
}
