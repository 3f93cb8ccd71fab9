import "server-only";
import type { Database } from "@/lib/db";
import { type ActivityDay, CAMPAIGN_CHART_DAYS, reportActivity } from "./report-activity";
import { type ReportFigures, reportFigures } from "./report-figures";

export type CampaignReport = { figures: ReportFigures; days: ActivityDay[] };

/**
 * One campaign's results: its figures, and clicks and redemptions per day from the day it went out (or was
 * created) to today, at most its first 30 days.
 */
export async function campaignReport(
  db: Database,
  campaign: { id: string; createdAt: Date; startedAt?: Date | null; scheduledAt: Date | null },
  options: { now: Date; timeZone: string },
): Promise<CampaignReport> {
  const scope = { kind: "campaign", campaignId: campaign.id } as const;
  const from = campaign.startedAt ?? campaign.scheduledAt ?? campaign.createdAt;
  const [figures, days] = await Promise.all([
    reportFigures(db, scope),
    reportActivity(db, scope, {
      from,
      to: options.now,
      timeZone: options.timeZone,
      maxDays: CAMPAIGN_CHART_DAYS,
    }),
  ]);
  return { figures, days };
}
