import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { PROVIDER_INFO, PROVIDER_NAMES } from "@/lib/sms/providers";
import { TALLY } from "./campaign-progress";

/** The SQL list of stored statuses behind a figure, e.g. `m.status in (${statusList(TALLY.sent)})`. */
export function statusList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/**
 * What a message would cost by our price list (segments x the provider's price for that number), for what no
 * provider has charged yet. Only an estimate: the provider's answer is the real cost.
 */
export function estimatedCostSql(provider: SQL, phone: SQL, segments: SQL): SQL {
  const prices = PROVIDER_NAMES.map((name) => {
    const { country, prices } = PROVIDER_INFO[name];
    return sql`when ${provider} = ${name} and ${phone} like ${`${country.prefix}%`} then ${prices.domestic}::numeric
    when ${provider} = ${name} then ${prices.international}::numeric`;
  });
  return sql`(${segments} * case ${sql.join(prices, sql` `)} end)`;
}

/**
 * The three kinds of money a campaign's messages stand for, as aggregate expressions over campaign_messages `m`
 * joined to campaigns `c`: charged (the provider's cost of messages that went out), held (what CPSMS charged for
 * messages it holds for later; refunded if they are deleted) and estimated (messages nobody has charged yet).
 * Cancelled, expired and refused messages cost nothing.
 */
export const costAggregates = {
  charged: sql<number>`coalesce(sum(m.cost) filter (where m.status in (${statusList(TALLY.sent)})), 0)::float`,
  held: sql<number>`coalesce(sum(coalesce(m.cost, ${estimatedCostSql(sql`c.provider`, sql`m.phone`, sql`m.segments`)})) filter (where m.status in (${statusList(TALLY.scheduled)})), 0)::float`,
  estimated: sql<number>`coalesce(sum(${estimatedCostSql(sql`c.provider`, sql`m.phone`, sql`m.segments`)}) filter (where m.status in (${statusList(TALLY.waiting)})), 0)::float`,
};
