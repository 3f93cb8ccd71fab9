// Plain math (no database). Hand-written: two short, textbook formulas; a statistics library for them would
// weigh more than the page it serves.

/** z for a two-sided 95% interval. */
const Z = 1.959964;

/** Wilson's score interval for a proportion x/n (Wilson 1927): well-behaved at small n and near 0 or 1. */
export function wilsonInterval(x: number, n: number, z = Z): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The 95% interval for the difference of two proportions p1 − p2 (texted minus control), by Newcombe's hybrid
 * score method ("method 10", Newcombe 1998, Statistics in Medicine 17:873–890), built from each group's Wilson
 * interval. Unlike the textbook Wald interval it stays inside [−1, 1] and keeps its coverage with small groups.
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { difference: number; low: number; high: number } {
  const p1 = n1 ? x1 / n1 : 0;
  const p2 = n2 ? x2 / n2 : 0;
  const a = wilsonInterval(x1, n1);
  const b = wilsonInterval(x2, n2);
  const difference = p1 - p2;
  // Inside [−1, 1] in exact arithmetic; clamped because floating point can land a hair outside (every texted
  // guest back and no control guest: 1.0000000000000002, shown as "100 %" but not a rate).
  return {
    difference,
    low: Math.max(-1, difference - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: Math.min(1, difference + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}

/** Fewest guests per group before a rate is shown: below this the interval is too wide to say anything. */
export const MIN_GROUP_SIZE = 30;

/** Whether both groups are large enough to show the comparison. */
export function enoughData(texted: number, control: number): boolean {
  return texted >= MIN_GROUP_SIZE && control >= MIN_GROUP_SIZE;
}
