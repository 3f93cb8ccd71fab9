import "server-only";
import { sql } from "drizzle-orm";
import { TALLY } from "@/lib/campaigns/campaign-progress";
import { statusList } from "@/lib/campaigns/cost-sql";
import { CSV_BOM, csvLine } from "@/lib/contacts/csv-cell";
import type { Database } from "@/lib/db";
import { formatInZone } from "@/lib/time/zoned";
import { majorAmount, minorDigits } from "./report-math";
import { type ReportScope, scopeCampaignIds } from "./report-scope";

const CHUNK = 1000;

/**
 * One row per recipient (a message), nothing else: a summary block in the same file would break sorting and
 * pivot tables in a spreadsheet, and every summary figure is a sum of these columns (the page shows them).
 */
export const REPORT_CSV_HEADER = [
  "Campaign",
  "Sent at",
  "Phone",
  "Name",
  "Status",
  "Delivered",
  "Clicked",
  "Clicks",
  "Bot requests",
  "First click",
  "Offer code",
  "Redeemed at",
  "Bill",
  "Currency",
];

type Row = {
  id: number;
  campaign: string;
  sent_at: string | null;
  phone: string;
  name: string;
  status: string;
  delivered: boolean;
  clicks: number;
  bots: number;
  first_click: string | null;
  code: string | null;
  redeemed_at: string | null;
  bill_minor: string | null;
  currency: string | null;
};

/** One chunk of recipients after message id `after`, with their clicks and offer code (one query). */
async function chunk(db: Database, scope: ReportScope, after: number): Promise<Row[]> {
  const { rows } = await db.execute<Row>(sql`
    select m.id, c.name as campaign, m.sent_at, m.phone,
      trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')) as name,
      m.status, m.status in (${statusList(TALLY.delivered)}) as delivered,
      coalesce(k.clicks, 0)::int as clicks, coalesce(k.bots, 0)::int as bots, k.first_click,
      oc.code, oc.redeemed_at, oc.bill_minor::text, oc.currency
    from campaign_messages m
    join campaigns c on c.id = m.campaign_id
    left join contacts ct on ct.id = m.contact_id
    left join lateral (
      select count(*) filter (where not lc.bot) as clicks, count(*) filter (where lc.bot) as bots,
        min(lc.at) filter (where not lc.bot) as first_click
      from tracked_links l join link_clicks lc on lc.code = l.code
      where l.campaign_id = m.campaign_id and l.phone = m.phone
    ) k on true
    left join lateral (
      select o.code, o.redeemed_at, o.bill_minor, o.currency from offer_codes o
      where o.campaign_id = m.campaign_id and o.phone = m.phone
      order by o.redeemed_at nulls last limit 1
    ) oc on true
    where m.campaign_id in (${scopeCampaignIds(scope)}) and m.id > ${after}
    order by m.id
    limit ${CHUNK}`);
  return rows;
}

/** A bill in major units with its currency's decimals, "249.50": a plain number a spreadsheet can add up. */
function bill(minor: string | null, currency: string | null): string {
  if (minor === null || currency === null) return "";
  return majorAmount(Number(minor), currency).toFixed(minorDigits(currency));
}

/** The report's recipients as CSV (BOM, header, CRLF lines), streamed in keyset chunks of 1,000 messages. */
export function reportCsvStream(db: Database, scope: ReportScope, timeZone: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const time = (v: string | Date | null) => (v ? formatInZone(new Date(v), timeZone, "yyyy-MM-dd HH:mm:ss") : "");
  let after = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(REPORT_CSV_HEADER)));
    },
    async pull(controller) {
      const rows = await chunk(db, scope, after);
      const lines = rows.map((r) =>
        csvLine([
          r.campaign,
          time(r.sent_at),
          r.phone,
          r.name,
          r.status,
          r.delivered ? "yes" : "no",
          r.clicks > 0 ? "yes" : "no",
          r.clicks,
          r.bots,
          time(r.first_click),
          r.code ?? "",
          time(r.redeemed_at),
          bill(r.bill_minor, r.currency),
          r.currency ?? "",
        ]),
      );
      if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
      if (rows.length < CHUNK) controller.close();
      else after = rows.at(-1)!.id;
    },
  });
}
