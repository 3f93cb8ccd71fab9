import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import { STATUSES_IN } from "@/lib/campaigns/delivery-status";
import { sharedResult } from "@/lib/cache/shared-result";
import type { Database } from "@/lib/db";
import { SEGMENT_PRICES } from "@/lib/messages/segment-prices";
import type { ProviderName } from "@/lib/sms/types";
import { dayKey, PERIODS, type PeriodKey, startOfDay } from "./periods";

/** Statuses of messages that went out to the provider (the base of the delivery rate). */
export const SENT_STATUSES = ["accepted", "buffered", "delivered", "undelivered", "unknown"] as const;
const FAILED = STATUSES_IN.failed;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

export type PeriodStats = { key: PeriodKey; label: string; sent: number; delivered: number; failed: number; rate: number | null };
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
 * sent), cost per provider in its own unit (CPSMS points, smsapp.pk units), and one point per day for the
 * charts (zero days included). A message counts on the day it went out (or was written, if it never did).
 * One grouped scan instead of one per figure: the dashboard is the most visited page.
 */
export async function dashboardFigures(db: Database, timeZone: string, now = new Date()): Promise<DashboardFigures> {
  const starts = Array.from({ length: SERIES_DAYS }, (_, i) => startOfDay(now, timeZone, SERIES_DAYS - 1 - i));
  const days = starts.map((d) => dayKey(d, timeZone));
  // Days are bucketed by their start instants (computed here, DST-safe) rather than by converting every row
  // to local time in SQL, which was four times slower; messages are counted per campaign before the join.
  const result = await db.execute<{ bucket: number; provider: ProviderName; sent: number; delivered: number; failed: number; cost: number }>(sql`
    select g.bucket, c.provider, sum(g.sent)::int as sent, sum(g.delivered)::int as delivered, sum(g.failed)::int as failed,
      sum(g.cost)::float as cost
    from (
      select width_bucket(m.listed_at, ${`{${starts.map((d) => d.toISOString()).join(",")}}`}::timestamptz[]) as bucket, m.campaign_id,
        count(*) filter (where m.status in (${list(SENT_STATUSES)})) as sent,
        count(*) filter (where m.status = 'delivered') as delivered,
        count(*) filter (where m.status in (${list(FAILED)})) as failed,
        coalesce(sum(m.cost), 0) as cost
      from ${campaignMessages} m
      where m.listed_at >= ${starts[0]!.toISOString()}::timestamptz
      group by 1, 2
    ) g join ${campaigns} c on c.id = g.campaign_id
    group by 1, 2`);
  const rows = result.rows.map((r) => ({ ...r, day: days[r.bucket - 1]! }));
  const total = (since: string, pick: (r: (typeof rows)[number]) => number, provider?: ProviderName) =>
    round(rows.filter((r) => r.day >= since && (!provider || r.provider === provider)).reduce((n, r) => n + Number(pick(r)), 0));
  const today = days.at(-1)!;

  const stats = PERIODS.map((p) => {
    const since = days[SERIES_DAYS - p.days]!;
    const sent = total(since, (r) => r.sent);
    const delivered = total(since, (r) => r.delivered);
    return { key: p.key, label: p.label, sent, delivered, failed: total(since, (r) => r.failed), rate: sent ? delivered / sent : null };
  });
  const costs = (["cpsms", "smsapp"] as const).map((provider) => ({
    provider,
    unit: SEGMENT_PRICES[provider].unit,
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
  /** Estimated cost of what is still to be sent, in the provider's unit (held-by-CPSMS sends are already paid). */
  estimatedCost: number;
};

/** Campaigns still to go out (scheduled, or queued/sending now), soonest first, with what they will cost. */
export async function upcomingSends(db: Database, limit = 8): Promise<UpcomingSend[]> {
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
    .where(inArray(campaigns.status, ["scheduled", "queued", "sending"]))
    .orderBy(asc(sql`coalesce(${campaigns.scheduledAt}, ${campaigns.createdAt})`))
    .limit(limit);
  if (rows.length === 0) return [];
  const estimates = await db
    .select({
      campaignId: campaignMessages.campaignId,
      cost: sql<number>`coalesce(sum(${campaignMessages.segments} * case
          when c.provider = 'cpsms' and ${campaignMessages.phone} like ${`${SEGMENT_PRICES.cpsms.domesticPrefix}%`} then ${SEGMENT_PRICES.cpsms.domestic}::numeric
          when c.provider = 'cpsms' then ${SEGMENT_PRICES.cpsms.international}::numeric
          when ${campaignMessages.phone} like ${`${SEGMENT_PRICES.smsapp.domesticPrefix}%`} then ${SEGMENT_PRICES.smsapp.domestic}::numeric
          else ${SEGMENT_PRICES.smsapp.international}::numeric end), 0)::float`,
    })
    .from(campaignMessages)
    .innerJoin(sql`${campaigns} c`, sql`c.id = ${campaignMessages.campaignId}`)
    .where(and(inArray(campaignMessages.campaignId, rows.map((r) => r.id)), inArray(campaignMessages.status, ["queued", "sending"])))
    .groupBy(campaignMessages.campaignId);
  const cost = new Map(estimates.map((e) => [e.campaignId, e.cost]));
  return rows.map((r) => ({ ...r, estimatedCost: Math.round((cost.get(r.id) ?? 0) * 100) / 100 }));
}

export type LatestFailure = {
  id: number;
  phone: string;
  status: string;
  reason: string | null;
  at: Date;
  campaignId: string;
  campaignName: string;
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
      provider: campaigns.provider,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(inArray(campaignMessages.status, FAILED))
    .orderBy(desc(campaignMessages.listedAt), desc(campaignMessages.id))
    .limit(limit);
}

/** How old the shared dashboard may be: nobody notices a second, and fifty open dashboards then cost one read. */
export const DASHBOARD_SHARED_MS = 2_000;

/**
 * Everything the dashboard reads from the database (figures, upcoming sends, latest failures), shared by
 * everyone who opens it within the same moment, per process. During a 10,000-recipient send the upcoming
 * estimate alone scans the campaign's unsent messages: once per moment, not once per person.
 */
export const sharedDashboard = sharedResult({ ttlMs: DASHBOARD_SHARED_MS, keyOf: (k: { timeZone: string; db: Database }) => k.timeZone }, async ({ db, timeZone }) => {
  const [figures, upcoming, failures] = await Promise.all([dashboardFigures(db, timeZone), upcomingSends(db), latestFailures(db)]);
  return { ...figures, upcoming, failures };
});
