import "server-only";
import { sql } from "drizzle-orm";
import { TALLY } from "@/lib/campaigns/campaign-progress";
import { costAggregates, statusList } from "@/lib/campaigns/cost-sql";
import type { Database } from "@/lib/db";
import type { ProviderName } from "@/lib/sms/types";
import { costPerRedemption, rate } from "./report-math";
import { type ReportScope, scopeCampaignIds } from "./report-scope";

/** What a campaign or an automation's texts earned, from what the providers confirmed and what we recorded. */
export type ReportFigures = {
  /** Counted as on the campaign page (TALLY): sent = a provider took it; failed includes undelivered. */
  sent: number;
  delivered: number;
  failed: number;
  /** Whether any message carried a tracked link (otherwise "clicked" means nothing, not zero). */
  tracked: boolean;
  /** Recipients (a message: campaign and phone) with at least one click that was not a bot's. */
  clicked: number;
  /** Every click by a person, a guest clicking twice counted twice. */
  humanClicks: number;
  /** Link previewers and crawlers (by user agent, a HEAD request or a click too soon after the text). */
  botRequests: number;
  /** Offer codes sent (zero: no offer). */
  codes: number;
  redeemed: number;
  /** Redemptions whose bill nobody entered: revenue is a floor, not a total. */
  notEntered: number;
  /** Bills entered at the till, per currency, in minor units (øre, paisa). */
  revenue: { currency: string; minor: number; bills: number }[];
  /** The providers' charge for messages that went out, per provider (its own unit), and what it bought. */
  costs: { provider: ProviderName; charged: number; redeemed: number; costPerRedemption: number | null }[];
  /** Against delivered; null when nothing was delivered. */
  clickRate: number | null;
  redemptionRate: number | null;
};

/** The report's figures for the campaigns in scope: three grouped queries, whatever the campaign's size. */
export async function reportFigures(db: Database, scope: ReportScope): Promise<ReportFigures> {
  const ids = scopeCampaignIds(scope);
  const [delivery, clicks, codes, revenue] = await Promise.all([
    db.execute<{ provider: ProviderName; sent: number; delivered: number; failed: number; charged: number }>(sql`
      select c.provider,
        count(*) filter (where m.status in (${statusList(TALLY.sent)}))::int as sent,
        count(*) filter (where m.status in (${statusList(TALLY.delivered)}))::int as delivered,
        count(*) filter (where m.status in (${statusList(TALLY.failed)}))::int as failed,
        ${costAggregates.charged} as charged
      from campaign_messages m join campaigns c on c.id = m.campaign_id
      where m.campaign_id in (${ids})
      group by c.provider`),
    db.execute<{ links: number; clicked: number; human: number; bots: number }>(sql`
      select (select count(*)::int from tracked_links t where t.campaign_id in (${ids})) as links,
        count(distinct (l.campaign_id, l.phone)) filter (where not k.bot)::int as clicked,
        count(*) filter (where not k.bot)::int as human,
        count(*) filter (where k.bot)::int as bots
      from tracked_links l join link_clicks k on k.code = l.code
      where l.campaign_id in (${ids})`),
    db.execute<{ provider: ProviderName; codes: number; redeemed: number; not_entered: number }>(sql`
      select c.provider, count(*)::int as codes,
        count(*) filter (where oc.redeemed_at is not null)::int as redeemed,
        count(*) filter (where oc.redeemed_at is not null and oc.bill_minor is null)::int as not_entered
      from offer_codes oc join campaigns c on c.id = oc.campaign_id
      where oc.campaign_id in (${ids})
      group by c.provider`),
    db.execute<{ currency: string; minor: string; bills: number }>(sql`
      select currency, sum(bill_minor)::text as minor, count(*)::int as bills
      from offer_codes
      where campaign_id in (${ids}) and redeemed_at is not null and bill_minor is not null
      group by currency order by currency`),
  ]);
  const sum = <R>(rows: R[], pick: (r: R) => number) => rows.reduce((n, r) => n + Number(pick(r)), 0);
  const d = delivery.rows;
  const c = clicks.rows[0];
  const delivered = sum(d, (r) => r.delivered);
  const redeemed = sum(codes.rows, (r) => r.redeemed);
  const clicked = c?.clicked ?? 0;
  const redeemedBy = (p: ProviderName) => codes.rows.find((r) => r.provider === p)?.redeemed ?? 0;
  return {
    sent: sum(d, (r) => r.sent),
    delivered,
    failed: sum(d, (r) => r.failed),
    tracked: (c?.links ?? 0) > 0,
    clicked,
    humanClicks: c?.human ?? 0,
    botRequests: c?.bots ?? 0,
    codes: sum(codes.rows, (r) => r.codes),
    redeemed,
    notEntered: sum(codes.rows, (r) => r.not_entered),
    revenue: revenue.rows.map((r) => ({ currency: r.currency, minor: Number(r.minor), bills: r.bills })),
    costs: d
      .map((r) => {
        // Rounded as the campaign page rounds (list-campaigns), so both show the same amount.
        const charged = Math.round(Number(r.charged) * 1000) / 1000;
        const bought = redeemedBy(r.provider);
        return {
          provider: r.provider,
          charged,
          redeemed: bought,
          costPerRedemption: costPerRedemption(charged, bought),
        };
      })
      .sort((a, b) => a.provider.localeCompare(b.provider)),
    clickRate: rate(clicked, delivered),
    redemptionRate: rate(redeemed, delivered),
  };
}
