// Pure helpers for the dashboard's server-rendered charts (components/dashboard/delivery-charts.tsx).

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Which days of a series get an x-axis label: at most `maxTicks`, evenly spaced and counted back from the
 * last day, so today is always labelled and no two labels crowd each other at either end. Six fit a 30-day
 * chart as narrow as a phone's (or a half-width one on a small laptop) with room between them.
 */
export function dayTickIndices(count: number, maxTicks = 6): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / maxTicks));
  const ticks: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) ticks.unshift(i);
  return ticks;
}

/**
 * A yyyy-mm-dd day as a moment inside that day in any of our restaurants' zones (noon UTC): for the formatter, and
 * for day arithmetic that no time zone can shift.
 */
export function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** A yyyy-mm-dd day as an axis label, "27 Nov" (the app's day format without weekday and year). */
export function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? "?"}`;
}

const COMPACT = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

/** An axis figure that fits the chart's narrow margin on a phone: 500, 2.5k, 10k. */
export function axisNumber(value: number): string {
  return COMPACT.format(value);
}

/**
 * The top of a chart of counts (texts, clicks, redemptions): at least `max`, and with a whole number at the middle
 * gridline too (2, 4, 6, 10, 20, 40, 60, 100, …), so no axis labels half a text. An empty chart goes up to 2.
 */
export function countAxisMax(max: number): number {
  const base = max <= 2 ? 1 : 10 ** Math.floor(Math.log10(max));
  return [1, 2, 4, 6, 10].map((m) => m * base).find((v) => v >= max && Number.isInteger(v / 2)) ?? 10 * base;
}
