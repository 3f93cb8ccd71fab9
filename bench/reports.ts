import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { campaignReport } from "@/lib/reports/campaign-report";
import { reportCsvStream } from "@/lib/reports/report-csv";
import { medianMs } from "./measure";
import type { Bench } from "./types";

const TZ = "Europe/Copenhagen";
const RECIPIENTS = 20_000;

/**
 * One promotion to 20,000 guests: every message with a tracked link and an offer code; 30% clicked (a third of
 * them twice), link previewers on half the links, 5% redeemed with a bill.
 */
export async function seedReportBench(): Promise<string> {
  const db = getDb();
  const { rows } = await db.execute<{ id: string }>(sql`
    insert into campaigns (name, provider, body, status, recipient_count, created_at, started_at)
    values ('Bench report', 'cpsms', 'Pizza {offer_code}', 'completed', ${RECIPIENTS}, now() - interval '3 days', now() - interval '3 days')
    returning id`);
  const id = rows[0]!.id;
  await db.execute(sql`
    insert into campaign_messages (campaign_id, phone, body, segments, encoding, status, cost, sent_at, delivered_at)
    select ${id}, '+453' || lpad(i::text, 7, '0'), 'Pizza', 1, 'GSM-7',
      case when i % 20 = 0 then 'undelivered' else 'delivered' end, 0.3, now() - interval '3 days',
      case when i % 20 <> 0 then now() - interval '3 days' end
    from generate_series(1, ${RECIPIENTS}) i`);
  await db.execute(sql`
    insert into tracked_links (code, campaign_id, phone, url, expires_at)
    select 'bl' || i, ${id}, '+453' || lpad(i::text, 7, '0'), 'https://example.com', now() + interval '30 days'
    from generate_series(1, ${RECIPIENTS}) i`);
  await db.execute(sql`
    insert into link_clicks (code, at, bot, bot_reason)
    select 'bl' || i, now() - interval '3 days' + interval '2 seconds', true, 'too_soon' from generate_series(1, ${RECIPIENTS}, 2) i
    union all
    select 'bl' || i, now() - interval '3 days' + (i % 60) * interval '1 hour', false, null
      from generate_series(1, ${RECIPIENTS}) i where i % 10 < 3
    union all
    select 'bl' || i, now() - interval '2 days', false, null from generate_series(1, ${RECIPIENTS}) i where i % 10 = 0`);
  const [offer] = (
    await db.execute<{ id: string }>(
      sql`insert into offers (title, valid_until) values ('2 for 1', now() + interval '7 days') returning id`,
    )
  ).rows;
  await db.execute(sql`
    insert into offer_codes (code, offer_id, campaign_id, phone, valid_from, valid_until, redeemed_at, bill_minor, currency)
    select 'BC' || i, ${offer!.id}, ${id}, '+453' || lpad(i::text, 7, '0'), now() - interval '3 days', now() + interval '4 days',
      case when i % 20 = 1 then now() - (i % 3) * interval '1 day' end,
      case when i % 40 = 1 then 20000 + i end, case when i % 40 = 1 then 'DKK' end
    from generate_series(1, ${RECIPIENTS}) i`);
  await db.execute(sql`analyze`);
  return id;
}

export const reportsBench: Bench = {
  names: ["reports.campaign", "reports.csv"],
  async run(report) {
    const db = getDb();
    const id = await seedReportBench();
    const campaign = { id, createdAt: new Date(Date.now() - 3 * 86_400_000), scheduledAt: null };
    const page = await medianMs(() => campaignReport(db, campaign, { now: new Date(), timeZone: TZ }));
    const { figures } = await campaignReport(db, campaign, { now: new Date(), timeZone: TZ });
    report({
      bench: "reports.campaign",
      value: page.ms,
      unit: "ms",
      recipients: RECIPIENTS,
      clicked: figures.clicked,
      bot_requests: figures.botRequests,
      redeemed: figures.redeemed,
    });
    const csv = await medianMs(async () => {
      const text = await new Response(reportCsvStream(db, { kind: "campaign", campaignId: id }, TZ)).text();
      if (text.split("\r\n").length !== RECIPIENTS + 2) throw new Error("CSV rows missing");
    }, 3);
    report({ bench: "reports.csv", value: csv.ms, unit: "ms", rows: RECIPIENTS });
  },
};
