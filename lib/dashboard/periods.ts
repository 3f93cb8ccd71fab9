import { TZDate } from "@date-fns/tz";

export const PERIODS = [
  { key: "today", label: "Today", days: 1 },
  { key: "7d", label: "Last 7 days", days: 7 },
  { key: "30d", label: "Last 30 days", days: 30 },
] as const;
export type PeriodKey = (typeof PERIODS)[number]["key"];

/** Midnight `daysBack` days before today, in the restaurant's zone (DST-safe: calendar days, not 24 h). */
export function startOfDay(now: Date, timeZone: string, daysBack = 0): Date {
  const local = new TZDate(now.getTime(), timeZone);
  return new Date(
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - daysBack, 0, 0, 0, 0, timeZone).getTime(),
  );
}

/** yyyy-mm-dd of a moment in the zone. */
export function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}
