import { sql } from "drizzle-orm";
import { evaluateAutomations } from "@/lib/automations/evaluate-automations";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { timeMs } from "./measure";
import type { Bench } from "./types";

const GUESTS = 100_000;
const VISITS = 1_000_000;

/**
 * 100k guests (nine in ten with consent, four in five with a birthday, languages mixed, a few Pakistani numbers)
 * and a million visits spread over the past year, all set-based; then every automation on, with a 10% holdout.
 */
async function seed() {
  const db = getDb();
  await db.execute(sql`truncate contacts, visits, automation_occurrences, campaigns cascade`);
  await db.execute(sql`
    insert into contacts (phone, first_name, birthday_month, birthday_day, language, consent_state, consent_changed_at, opt_out_token)
    select case when i % 50 = 0 then '+92300' || lpad(i::text, 7, '0') else '+4526' || lpad(i::text, 6, '0') end,
      (array['Anna','Mads','Sofie','Ida','Ali','Ayesha'])[1 + i % 6],
      case when i % 5 <> 0 then 1 + (i * 7) % 12 end,
      case when i % 5 <> 0 then 1 + (i * 13) % 28 end,
      (array['da','da','en','ur',null])[1 + i % 5],
      case when i % 10 = 0 then 'none' else 'granted' end,
      now() - ((i * 7919) % (730 * 24 * 60) || ' minutes')::interval,
      'a' || lpad(to_hex(i), 9, '0')
    from generate_series(1, ${GUESTS}) as i`);
  await db.execute(sql`
    with c as (select id, row_number() over (order by id) as n from contacts)
    insert into visits (contact_id, visited_at, party_size, source)
    select c.id, now() - (((i::bigint * 104729) % (365 * 24 * 3600)) || ' seconds')::interval, 1 + i % 6, 'api'
    from generate_series(1, ${VISITS}) as i
    join c on c.n = 1 + (i::bigint * 15485863) % ${GUESTS}`);
  await db.execute(sql`
    update automations set enabled = true, holdout_percent = 10,
      message = '{"da": "Hej {first_name}, vi savner dig", "en": "Hi {first_name}, we miss you", "ur": "سلام {first_name}"}',
      offer = '{"da": "Gratis dessert", "en": "Free dessert"}',
      days_before = 3, send_at = '00:00', lapse_days = 45, min_visits = 2, hours_after = 3`);
  await db.execute(sql`update restaurant_settings set quiet_hours_start = '00:00', quiet_hours_end = '00:00'`);
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze visits`);
}

/**
 * Automation texts beyond one per occurrence (must be 0): every text of an automation campaign, less the
 * occurrences it answers (an occurrence row is unique per kind, guest and key, and names its one campaign).
 */
async function duplicates(): Promise<{ duplicates: number; texts: number; occurrences: number; heldOut: number }> {
  const { rows } = await getDb().execute<{ texts: number; linked: number; occurrences: number; held: number }>(sql`
    select
      (select count(*)::int from campaign_messages m join campaigns c on c.id = m.campaign_id where c.origin = 'automation') as texts,
      (select count(*)::int from automation_occurrences o where exists (
        select 1 from campaign_messages m where m.campaign_id = o.campaign_id and m.contact_id = o.contact_id)) as linked,
      (select count(*)::int from automation_occurrences) as occurrences,
      (select count(*)::int from automation_occurrences where holdout) as held`);
  const r = rows[0]!;
  return { duplicates: r.texts - r.linked, texts: r.texts, occurrences: r.occurrences, heldOut: r.held };
}

export const automationsDailyBench: Bench = {
  names: ["automations.daily.100k"],
  async run(report) {
    await seed();
    const db = getDb();
    // Two instances run the day's evaluation at the same moment (each its own connections); the wall time is
    // until both are done. A third run afterwards (a retry) must find nothing left.
    const { ms, result } = await timeMs(() => Promise.all([evaluateAutomations(db), evaluateAutomations(db)]));
    const retry = await evaluateAutomations(db);
    const counts = await duplicates();
    const byKind = Object.fromEntries(
      result.flat().reduce((m, o) => m.set(o.kind, (m.get(o.kind) ?? 0) + o.texted + o.heldOut), new Map()),
    );
    report({
      bench: "automations.daily.100k",
      value: ms,
      unit: "ms",
      guests: GUESTS,
      visits: VISITS,
      ...counts,
      retryTexted: retry.reduce((n, o) => n + o.texted + o.heldOut, 0),
      occurrencesByKind: byKind,
      target: 5000,
    });
    await stopBoss(2_000);
  },
};
