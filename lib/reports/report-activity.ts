import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { formatInZone } from "@/lib/time/zoned";
import { daysBetween } from "./report-math";
import { type ReportScope, scopeCampaignIds } from "./report-scope";

export type ActivityDay = { day: string; clicks: number; redemptions: number };

/** The longest series a chart draws: a campaign's first 30 days (its clicks come in the first hours anyway). */
export const CAMPAIGN_CHART_DAYS = 30;

/**
 * Human clicks and redemptions per day (in the restaurant's zone) from `from` to `to` (at most `maxDays` days),
 * every day present, zeros included, so the chart's bars line up with the calendar.
 */
export async function reportActivity(
  db: Database,
  scope: ReportScope,
  range: { from: Date; to: Date; timeZone: string; maxDays: number },
): Promise<ActivityDay[]> {
  const ids = scopeCampaignIds(scope);
  const first = formatInZone(range.from, range.timeZone, "yyyy-MM-dd");
  const last = formatInZone(range.to, range.timeZone, "yyyy-MM-dd");
  const days = daysBetween(first, last, range.maxDays);
  const { rows } = await db.execute<{ day: string; clicks: number; redemptions: number }>(sql`
    select day, count(*) filter (where what = 'click')::int as clicks,
      count(*) filter (where what = 'redeem')::int as redemptions
    from (
      select to_char(k.at at time zone ${range.timeZone}, 'YYYY-MM-DD') as day, 'click' as what
      from tracked_links l join link_clicks k on k.code = l.code
      where l.campaign_id in (${ids}) and not k.bot
      union all
      select to_char(oc.redeemed_at at time zone ${range.timeZone}, 'YYYY-MM-DD'), 'redeem'
      from offer_codes oc
      where oc.campaign_id in (${ids}) and oc.redeemed_at is not null
    ) a
    where day between ${days[0]!} and ${days.at(-1)!}
    group by day`);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return days.map((day) => ({
    day,
    clicks: byDay.get(day)?.clicks ?? 0,
    redemptions: byDay.get(day)?.redemptions ?? 0,
  }));
}
