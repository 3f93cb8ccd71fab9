import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";

/** A campaign's two result figures for the campaigns list; null where it carried no tracked link or no offer. */
export type ListedResults = { clicked: number | null; redeemed: number | null };

/**
 * Clicked (unique recipients with a human click) and redeemed, for a page of campaigns in two grouped queries
 * (counted as the campaign's report counts them: lib/reports/report-figures.ts).
 */
export async function listedResults(db: Database, ids: string[]): Promise<Map<string, ListedResults>> {
  const out = new Map<string, ListedResults>();
  if (ids.length === 0) return out;
  const [clicks, codes] = await Promise.all([
    db.execute<{ campaign_id: string; clicked: number }>(sql`
      select l.campaign_id, count(distinct l.phone) filter (where not k.bot)::int as clicked
      from tracked_links l left join link_clicks k on k.code = l.code
      where l.campaign_id = any(${sql.param(ids)}::uuid[])
      group by l.campaign_id`),
    db.execute<{ campaign_id: string; redeemed: number }>(sql`
      select campaign_id, count(*) filter (where redeemed_at is not null)::int as redeemed
      from offer_codes where campaign_id = any(${sql.param(ids)}::uuid[])
      group by campaign_id`),
  ]);
  for (const r of clicks.rows) out.set(r.campaign_id, { clicked: r.clicked, redeemed: null });
  for (const r of codes.rows)
    out.set(r.campaign_id, { clicked: out.get(r.campaign_id)?.clicked ?? null, redeemed: r.redeemed });
  return out;
}
