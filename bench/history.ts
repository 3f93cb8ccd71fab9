import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { listHistory } from "@/lib/history/list-history";
import { medianMs } from "./measure";
import type { Bench } from "./types";

const TZ = "Europe/Copenhagen";
const CAMPAIGNS = 200;
const PER_CAMPAIGN = 5000; // 1,000,000 messages
const CONTACTS = 20_000;

/** 1,000,000 messages over ~83 days, both providers, a realistic mix of outcomes, some from the guest book. */
async function seed() {
  const db = getDb();
  await db.execute(
    sql`insert into users (email, name, role, password_hash) values ('bench@cafe.test', 'Bench', 'owner', 'x') on conflict do nothing`,
  );
  await db.execute(sql`
    insert into campaigns (name, provider, sender, body, status, recipient_count, created_at, started_at, finished_at)
    select 'Bench campaign ' || g, case when g % 2 = 0 then 'cpsms' else 'smsapp' end,
      case when g % 3 = 0 then null else 'Cafe' || (g % 4) end, 'Bench promo {first_name}', 'completed', ${PER_CAMPAIGN},
      now() - g * interval '10 hours', now() - g * interval '10 hours', now() - g * interval '10 hours' + interval '2 hours'
    from generate_series(1, ${CAMPAIGNS}) g`);
  await db.execute(sql`
    insert into contacts (phone, first_name, last_name, consent_state, opt_out_token)
    select '+452' || lpad(k::text, 7, '0'), (array['Åse','Mette','Jens','Ali','Sara','Noor','Lars','Ayesha'])[1 + k % 8],
      'Guest' || k, 'granted', 'bench-' || k
    from generate_series(0, ${CONTACTS - 1}) k`);
  await db.execute(sql`
    insert into campaign_messages (campaign_id, contact_id, phone, body, segments, encoding, status, cost, error_message,
      reference, created_at, sent_at, delivered_at, status_changed_at)
    select c.id, ct.id, m.phone, 'Bench promo, see you tonight!', 1, 'GSM-7', m.status,
      case when m.status in ('rejected', 'failed') then null else 1 end,
      case m.status when 'undelivered' then 'The operator could not deliver it.' when 'rejected' then 'Phone number length and country code do not match.' end,
      'bench-' || c.rn, m.at - interval '5 seconds',
      case when m.status in ('rejected', 'failed') then null else m.at end,
      case when m.status = 'delivered' then m.at + interval '20 seconds' end, m.at
    from (select id, provider, created_at, row_number() over (order by created_at) as rn from campaigns) c
    cross join lateral (
      select i,
        case when c.provider = 'cpsms' then '+452' || lpad(((c.rn * 5003 + i) % 10000000)::text, 7, '0')
             else '+92300' || lpad(((c.rn * 5003 + i) % 10000000)::text, 7, '0') end as phone,
        case when (i * 31 + c.rn) % 100 < 86 then 'delivered' when (i * 31 + c.rn) % 100 < 91 then 'undelivered'
             when (i * 31 + c.rn) % 100 < 95 then 'accepted' when (i * 31 + c.rn) % 100 < 97 then 'rejected'
             when (i * 31 + c.rn) % 100 < 98 then 'buffered' else 'unknown' end as status,
        c.created_at + i * interval '1 second' as at
      from generate_series(0, ${PER_CAMPAIGN - 1}) i
    ) m
    left join contacts ct on ct.phone = m.phone`);
  await db.execute(sql`vacuum analyze campaign_messages`);
  await db.execute(sql`analyze campaigns`);
  await db.execute(sql`analyze contacts`);
}

export const historyBench: Bench = {
  names: ["history.first", "history.deep", "history.filter", "history.search"],
  async run(report) {
    const db = getDb();
    const started = Date.now();
    await seed();
    const seedSeconds = Math.round((Date.now() - started) / 1000);
    const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from campaign_messages`))
      .rows;
    const extra = { rows: n, seed_s: seedSeconds };

    const first = await medianMs(() => listHistory(db, {}, { timeZone: TZ }));
    report({ bench: "history.first", value: first.ms, unit: "ms", ...extra });

    // 10,000 rows deep the way the UI gets there: following "Older" cursors page by page.
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) cursor = (await listHistory(db, {}, { timeZone: TZ, after: cursor })).olderCursor;
    const deep = await medianMs(() => listHistory(db, {}, { timeZone: TZ, after: cursor }));
    report({ bench: "history.deep", value: deep.ms, unit: "ms", depth: 10_000 });

    // Failed messages in a ten-day window a month ago.
    const day = (daysAgo: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date(Date.now() - daysAgo * 86_400_000));
    const filters = { state: "failed" as const, from: day(40), to: day(30) };
    const filter = await medianMs(() => listHistory(db, filters, { timeZone: TZ }));
    const filtered = await listHistory(db, filters, { timeZone: TZ });
    report({ bench: "history.filter", value: filter.ms, unit: "ms", rows_on_page: filtered.rows.length });

    // A guest's number as staff type it: the local part without the country code.
    const [target] = (await db.execute<{ phone: string }>(sql`select phone from campaign_messages where id = 777777`))
      .rows;
    const q = target!.phone.replace(/^\+45|^\+92/, "");
    const search = await medianMs(() => listHistory(db, { q }, { timeZone: TZ }));
    const found = await listHistory(db, { q }, { timeZone: TZ });
    report({ bench: "history.search", value: search.ms, unit: "ms", matches_on_page: found.rows.length });
  },
};
