import "server-only";
import type { AutomationKind } from "@/drizzle/schema";
import { type HoldoutResults, holdoutResults } from "@/lib/automations/holdout-results";
import type { Database } from "@/lib/db";
import { type ActivityDay, reportActivity } from "./report-activity";
import { type ReportFigures, reportFigures } from "./report-figures";
import { rate } from "./report-math";
import { periodStart, type ReportPeriod } from "./report-period";

export type AutomationReport = {
  period: ReportPeriod;
  figures: ReportFigures;
  days: ActivityDay[];
  /** Redemptions per guest the provider took a text for (the control group gets no code, so theirs is 0). */
  redemptionsPerTexted: number | null;
  /** The lift: visit rates of texted guests against the control group (all occurrences whose 30 days are over). */
  holdout: HoldoutResults;
};

/**
 * An automation's results over the last `period` days: the figures of every campaign it created since then, and
 * clicks and redemptions per day; and the holdout's lift, from holdoutResults (lib/automations) unchanged: it
 * counts every occurrence whose 30-day window is over, as a recent period would have none.
 */
export async function automationReport(
  db: Database,
  kind: AutomationKind,
  options: { now: Date; period: ReportPeriod; timeZone: string },
): Promise<AutomationReport> {
  const since = periodStart(options.now, options.period);
  const scope = { kind: "automation", automation: kind, since } as const;
  const [figures, days, holdout] = await Promise.all([
    reportFigures(db, scope),
    reportActivity(db, scope, {
      from: since,
      to: options.now,
      timeZone: options.timeZone,
      maxDays: options.period + 1,
    }),
    holdoutResults(db, kind, options.now),
  ]);
  return { period: options.period, figures, days, redemptionsPerTexted: rate(figures.redeemed, figures.sent), holdout };
}
