import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type CampaignOrigin, type CampaignStatus, campaignMessages, campaigns } from "@/drizzle/schema";
import { sharedResult } from "@/lib/cache/shared-result";
import { TALLY } from "@/lib/campaigns/campaign-progress";
import { costAggregates, statusList } from "@/lib/campaigns/cost-sql";
import type { Database } from "@/lib/db";
import { costUnit } from "@/lib/messages/segment-prices";
import { signupStats } from "@/lib/signup/signup-stats";
import { textCapWarning } from "@/lib/signup/text-cap-warning";
import { PROVIDER_NAMES, type ProviderName } from "@/lib/sms/providers";
import { dayKey, PERIODS, type PeriodKey, startOfDay } from "./periods";

export type PeriodStats = {
  key: PeriodKey;
  label: string;
  sent: number;
  delivered: number;
  failed: number;
  rate: number | null;
};
export type CostByProvider = { provider: ProviderName; unit: string; today: number; days30: number };
export type DayPoint = { day: string; sent: number; delivered: number; failed: number; rate: number | null };
export type DashboardFigures = { stats: PeriodStats[]; costs: CostByProvider[]; series: DayPoint[] };

/** Sums of fractional costs, without float noise (1 + 1.6 + 1 + 1 is 4.6, not 4.6000000000000005). */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The figures cover the last 30 calendar days; the chart shows them day by day. */
const SERIES_DAYS = 30;

/**
 * The dashboard's numbers, from one pass over the last 30 days of messages (calendar days in the restaurant's
 * zone): per period sent, delivered, failed and the delivery rate (delivered / sent; null before anything was
 * sent), cost per provider in its own unit (CPSMS points, smsapp.pk units) as charged for messages that went
 * out, and one point per day for the charts (zero days included). A message counts on the day it went out (or
 * was written, if it never did). Held, queued, cancelled and refused messages cost nothing here: what is still to
 * come is in upcomingSends, labelled as held or estimated.
 * One grouped scan instead of one per figure: the dashboard is the most visited page.
 */
export async function dashboardFigures(db: Database, timeZone: string, now = new Date()): Promise<DashboardFigures> {
  const starts = Array.from({ length: SERIES_DAYS }, (_, i) => startOfDay(now, timeZone, SERIES_DAYS - 1 - i));
  const days = starts.map((d) => dayKey(d, timeZone));
  // Days are bucketed by their start instants (computed here, DST-safe) rather than by converting every row
  // to local time in SQL, which was four times slower; messages are counted per campaign before the join.
  const result = await db.execute<{
    bucket: number;
    provider: ProviderName;
    sent: number;
    delivered: number;
    failed: number;
    cost: number;
  }>(sql`
    select g.bucket, c.provider, sum(g.sent)::int as sent, sum(g.delivered)::int as delivered, sum(g.failed)::int as failed,
      sum(g.cost)::float as cost
    from (
      select width_bucket(m.listed_at, ${`{${starts.map((d) => d.toISOString()).join(",")}}`}::timestamptz[]) as bucket, m.campaign_id,
        count(*) filter (where m.status in (${statusList(TALLY.sent)})) as sent,
        count(*) filter (where m.status = 'delivered') as delivered,
        count(*) filter (where m.status in (${statusList(TALLY.failed)})) as failed,
        coalesce(sum(m.cost) filter (where m.status in (${statusList(TALLY.sent)})), 0) as cost
      from ${campaignMessages} m
      where m.listed_at >= ${starts[0]!.toISOString()}::timestamptz
      group by 1, 2
    ) g join ${campaigns} c on c.id = g.campaign_id
    group by 1, 2`);
  const rows = result.rows.map((r) => ({ ...r, day: days[r.bucket - 1]! }));
  const total = (since: string, pick: (r: (typeof rows)[number]) => number, provider?: ProviderName) =>
    round(
      rows
        .filter((r) => r.day >= since && (!provider || r.provider === provider))
        .reduce((n, r) => n + Number(pick(r)), 0),
    );
  const today = days.at(-1)!;

  const stats = PERIODS.map((p) => {
    const since = days[SERIES_DAYS - p.days]!;
    const sent = total(since, (r) => r.sent);
    const delivered = total(since, (r) => r.delivered);
    return {
      key: p.key,
      label: p.label,
      sent,
      delivered,
      failed: total(since, (r) => r.failed),
      rate: sent ? delivered / sent : null,
    };
  });
  const costs = PROVIDER_NAMES.map((provider) => ({
    provider,
    unit: costUnit(provider),
    today: total(today, (r) => r.cost, provider),
    days30: total(days[0]!, (r) => r.cost, provider),
  }));
  const series = days.map((day) => {
    const on = rows.filter((r) => r.day === day);
    const sent = on.reduce((n, r) => n + r.sent, 0);
    const delivered = on.reduce((n, r) => n + r.delivered, 0);
    return { day, sent, delivered, failed: on.reduce((n, r) => n + r.failed, 0), rate: sent ? delivered / sent : null };
  });
  return { stats, costs, series };
}

export type UpcomingSend = {
  id: string;
  name: string;
  provider: ProviderName;
  scheduledAt: Date | null;
  status: string;
  recipients: number;
  /** What CPSMS already charged for the messages it holds (refunded if they are cancelled). */
  heldCost: number;
  /** Estimated cost of what no provider has charged yet, in the provider's unit (an estimate, not a charge). */
  estimatedCost: number;
  /** Held plus estimated: what this campaign will have cost once it is out. */
  expectedCost: number;
};

/**
 * Staff campaigns still to go out (scheduled, queued or sending now; drafts too when asked), soonest first, each
 * with what it will cost: held by CPSMS, and estimated for the rest. The sign-up page's one-guest texts are left
 * out: an evening of sign-ups would fill the list (their cost is in the figures once they go out).
 */
export async function upcomingSends(
  db: Database,
  limit = 8,
  statuses: CampaignStatus[] = ["scheduled", "queued", "sending"],
): Promise<UpcomingSend[]> {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      provider: campaigns.provider,
      scheduledAt: campaigns.scheduledAt,
      status: campaigns.status,
      recipients: campaigns.recipientCount,
    })
    .from(campaigns)
    .where(and(inArray(campaigns.status, statuses), eq(campaigns.origin, "compose")))
    .orderBy(asc(sql`coalesce(${campaigns.scheduledAt}, ${campaigns.createdAt})`))
    .limit(limit);
  if (rows.length === 0) return [];
  // Only the messages still to come are read (held, queued, sending): a campaign far into its send is cheap.
  const estimates = await db.execute<{ campaign_id: string; held: number; estimated: number }>(sql`
    select m.campaign_id, ${costAggregates.held} as held, ${costAggregates.estimated} as estimated
    from ${campaignMessages} m join ${campaigns} c on c.id = m.campaign_id
    where m.campaign_id = any(${sql.param(rows.map((r) => r.id))}::uuid[]) and m.status in (${statusList([...TALLY.scheduled, ...TALLY.waiting])})
    group by m.campaign_id`);
  const cost = new Map(estimates.rows.map((e) => [e.campaign_id, e]));
  const round = (n: number) => Math.round(Number(n) * 100) / 100;
  return rows.map((r) => {
    const heldCost = round(cost.get(r.id)?.held ?? 0);
    const estimatedCost = round(cost.get(r.id)?.estimated ?? 0);
    return { ...r, heldCost, estimatedCost, expectedCost: round(heldCost + estimatedCost) };
  });
}

export type LatestFailure = {
  id: number;
  phone: string;
  status: string;
  reason: string | null;
  at: Date;
  campaignId: string;
  campaignName: string;
  campaignOrigin: CampaignOrigin;
  provider: ProviderName;
};

/** The most recent messages that didn't arrive, with the provider's reason. */
export async function latestFailures(db: Database, limit = 8): Promise<LatestFailure[]> {
  return db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      status: campaignMessages.status,
      reason: campaignMessages.errorMessage,
      at: campaignMessages.listedAt,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      campaignOrigin: campaigns.origin,
      provider: campaigns.provider,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(inArray(campaignMessages.status, [...TALLY.failed]))
    .orderBy(desc(campaignMessages.listedAt), desc(campaignMessages.id))
    .limit(limit);
}

/** How old the shared dashboard may be: nobody notices a second, and fifty open dashboards then cost one read. */
export const DASHBOARD_SHARED_MS = 2_000;

/**
 * Everything the dashboard reads from the database (figures, upcoming sends, latest failures, sign-ups and the
 * text cap's refusals), shared by everyone who opens it within the same moment, per process. During a
 * 10,000-recipient send the upcoming estimate alone scans the campaign's unsent messages: once per moment, not
 * once per person.
 */
export const sharedDashboard = sharedResult(
  { ttlMs: DASHBOARD_SHARED_MS, keyOf: (k: { timeZone: string; db: Database }) => k.timeZone },
  async ({ db, timeZone }) => {
    const [figures, upcoming, awaitingApproval, failures, signups, capWarning] = await Promise.all([
      dashboardFigures(db, timeZone),
      upcomingSends(db),
      upcomingSends(db, 20, ["draft"]),
      latestFailures(db),
      signupStats(db, timeZone),
      textCapWarning(db),
    ]);
    return { ...figures, upcoming, awaitingApproval, failures, signups, capWarning };
  },
);
