import { dayDate } from "@/lib/dashboard/chart-ticks";
import type { ActivityDay } from "./report-activity";

/**
 * Beyond a quarter, a chart's daily bars are thinner than a pixel on a phone (365 of them in 350 px): the chart
 * shows weeks instead.
 */
export const DAILY_BARS_UP_TO = 92;

export type ActivityUnit = "day" | "week";

/** What one bar of an activity chart over `days` days stands for. */
export function activityUnit(days: number): ActivityUnit {
  return days > DAILY_BARS_UP_TO ? "week" : "day";
}

/**
 * Days summed into calendar weeks from Monday (as in Denmark and the UK), each keyed by its first day in the
 * series: a Monday, except the first week when the series starts mid-week. The first and last weeks may be
 * partial; their sums are of the days shown.
 */
export function activityByWeek(days: readonly ActivityDay[]): ActivityDay[] {
  const weeks: ActivityDay[] = [];
  for (const d of days) {
    const last = weeks.at(-1);
    if (last && dayDate(d.day).getUTCDay() !== 1) {
      last.clicks += d.clicks;
      last.redemptions += d.redemptions;
    } else weeks.push({ ...d });
  }
  return weeks;
}
