import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import { STATUSES_IN } from "@/lib/campaigns/delivery-status";
import type { Database } from "@/lib/db";
import { SEGMENT_PRICES } from "@/lib/messages/segment-prices";
import type { ProviderName } from "@/lib/sms/types";
import { dayKey, PERIODS, type PeriodKey, startOfDay } from "./periods";

/** Statuses of messages that went out to the provider (the base of the delivery rate). */
export const SENT_STATUSES = ["accepted", "buffered", "delivered", "undelivered", "unknown"] as const;
const FAILED = STATUSES_IN.failed;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

export type PeriodStats = { key: PeriodKey; label: string; sent: number; delivered: number; failed: number; rate: number | null };

/**
 * Sent, delivered and failed for today, 7 and 30 days (calendar days in the restaurant's zone), in one pass
 * over the last 30 days. A message counts on the day it went out (or was written, if it never did). Delivery
 * rate = delivered / sent; null before anything was sent.
 */
export async function deliveryStats(db: Database, timeZone: string, now = new Date()): Promise<PeriodStats[]> {
  const starts = PERIODS.map((p) => startOfDay(now, timeZone, p.days - 1));
  const since = (i: number) => sql`${campaignMessages.listedAt} >= ${starts[i]!.toISOString()}::timestamptz`;
  const columns = PERIODS.flatMap((_, i) => [
    sql`count(*) filter (where ${since(i)} and ${campaignMessages.status} in (${list(SENT_STATUSES)}))::int`,
    sql`count(*) filter (where ${since(i)} and ${campaignMessages.status} = 'delivered')::int`,
    sql`count(*) filter (where ${since(i)} and ${campaignMessages.status} in (${list(FAILED)}))::int`,
  ]);
  const result = await db.execute<Record<string, number>>(
    sql`select ${sql.join(columns.map((c, i) => sql`${c} as c${sql.raw(String(i))}`), sql`, `)}
        from ${campaignMessages} where ${since(PERIODS.length - 1)}`,
  );
  const row = result.rows[0] ?? {};
  return PERIODS.map((p, i) => {
    const sent = Number(row[`c${i * 3}`] ?? 0);
    const delivered = Number(row[`c${i * 3 + 1}`] ?? 0);
    return { key: p.key, label: p.label, sent, delivered, failed: Number(row[`c${i * 3 + 2}`] ?? 0), rate: sent ? delivered / sent : null };
  });
}

export type CostByProvider = { provider: ProviderName; unit: string; today: number; days30: number };

/** What was charged, per provider in its own unit (CPSMS points, smsapp.pk units). */
export async function costByProvider(db: Database, timeZone: string, now = new Date()): Promise<CostByProvider[]> {
  const today = startOfDay(now, timeZone, 0).toISOString();
  const month = startOfDay(now, timeZone, 29).toISOString();
  const rows = await db
    .select({
      provider: campaigns.provider,
      today: sql<number>`coalesce(sum(${campaignMessages.cost}) filter (where ${campaignMessages.listedAt} >= ${today}::timestamptz), 0)::float`,
      days30: sql<number>`coalesce(sum(${campaignMessages.cost}), 0)::float`,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(sql`${campaignMessages.listedAt} >= ${month}::timestamptz`)
    .groupBy(campaigns.provider);
  const by = new Map(rows.map((r) => [r.provider, r]));
  return (["cpsms", "smsapp"] as const).map((provider) => ({
    provider,
    unit: SEGMENT_PRICES[provider].unit,
    today: by.get(provider)?.today ?? 0,
    days30: by.get(provider)?.days30 ?? 0,
  }));
}

export type DayPoint = { day: string; sent: number; delivered: number; failed: number; rate: number | null };

/** One point per calendar day of the last `days` days (zero days included), for the charts. */
export async function dailySeries(db: Database, timeZone: string, days = 30, now = new Date()): Promise<DayPoint[]> {
  const start = startOfDay(now, timeZone, days - 1);
  const day = sql`to_char(${campaignMessages.listedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day: sql<string>`${day}`,
      sent: sql<number>`count(*) filter (where ${campaignMessages.status} in (${list(SENT_STATUSES)}))::int`,
      delivered: sql<number>`count(*) filter (where ${campaignMessages.status} = 'delivered')::int`,
      failed: sql<number>`count(*) filter (where ${campaignMessages.status} in (${list(FAILED)}))::int`,
    })
    .from(campaignMessages)
    .where(sql`${campaignMessages.listedAt} >= ${start.toISOString()}::timestamptz`)
    .groupBy(sql`1`);
  const by = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const key = dayKey(startOfDay(now, timeZone, days - 1 - i), timeZone);
    const r = by.get(key);
    const sent = r?.sent ?? 0;
    const delivered = r?.delivered ?? 0;
    return { day: key, sent, delivered, failed: r?.failed ?? 0, rate: sent ? delivered / sent : null };
  });
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
