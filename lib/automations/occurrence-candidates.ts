import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Automation, AutomationKind } from "@/drizzle/schema";

/** The moments an evaluation looks at: occurrences due in (from, to]. */
export type Window = { from: Date; to: Date };

export type CandidateSettings = Pick<
  Automation,
  "kind" | "daysBefore" | "sendAt" | "lapseDays" | "minVisits" | "hoursAfter"
>;

/**
 * The occurrences of one automation due in the window, before consent, suppression and the holdout: a SELECT of
 * (contact_id, occurrence_key, due_at), set-based so a day over 100,000 guests and a million visits is one
 * statement. The occurrence key names what is texted once per guest:
 * - birthday: the birthday's year ("2027"); due N days before it at the send time, in the restaurant's zone
 *   (29 February is the 28th in other years);
 * - win-back: "lapse:<last visit, UTC>": the guest's last visit, N days on, when they had at least M visits by
 *   then (a new visit ends the lapse; the next lapse has a new key);
 * - after-visit: "visit:<visit id>", N hours after the visit;
 * - welcome: "once" (one welcome per guest, ever), due when consent was granted.
 * `scope` limits it to some guests (the sign-up's own welcome, tests).
 */
export function candidatesSql(a: CandidateSettings, w: Window, timeZone: string, scope?: readonly string[]): SQL {
  const only = (column: SQL) => (scope ? sql`and ${column} = any(${sql.param([...scope])}::uuid[])` : sql``);
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const builders: Record<AutomationKind, () => SQL> = {
    birthday: () => sql`
      select c.id as contact_id, b.y::text as occurrence_key,
        ((b.bd - ${a.daysBefore}::int) + ${a.sendAt}::time) at time zone ${timeZone} as due_at
      from contacts c
      cross join lateral (
        select y, make_date(y, c.birthday_month, least(c.birthday_day,
          extract(day from make_date(y, c.birthday_month, 1) + interval '1 month - 1 day')::int)) as bd
        from generate_series(
          extract(year from ${from}::timestamptz at time zone ${timeZone})::int,
          extract(year from ${to}::timestamptz at time zone ${timeZone})::int + 1) as y
      ) b
      where c.birthday_month is not null and c.birthday_day is not null ${only(sql`c.id`)}
        and ((b.bd - ${a.daysBefore}::int) + ${a.sendAt}::time) at time zone ${timeZone} > ${from}::timestamptz
        and ((b.bd - ${a.daysBefore}::int) + ${a.sendAt}::time) at time zone ${timeZone} <= ${to}::timestamptz`,
    winback: () => sql`
      select distinct on (v.contact_id, v.visited_at) v.contact_id,
        'lapse:' || to_char(v.visited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as occurrence_key,
        v.visited_at + make_interval(days => ${a.lapseDays}) as due_at
      from visits v
      where v.visited_at > ${from}::timestamptz - make_interval(days => ${a.lapseDays})
        and v.visited_at <= ${to}::timestamptz - make_interval(days => ${a.lapseDays}) ${only(sql`v.contact_id`)}
        and not exists (select 1 from visits l where l.contact_id = v.contact_id and l.visited_at > v.visited_at)
        and (select count(*) from visits e where e.contact_id = v.contact_id and e.visited_at <= v.visited_at)
          >= ${a.minVisits}`,
    after_visit: () => sql`
      select v.contact_id, 'visit:' || v.id::text as occurrence_key,
        v.visited_at + make_interval(hours => ${a.hoursAfter}) as due_at
      from visits v
      where v.visited_at > ${from}::timestamptz - make_interval(hours => ${a.hoursAfter})
        and v.visited_at <= ${to}::timestamptz - make_interval(hours => ${a.hoursAfter}) ${only(sql`v.contact_id`)}`,
    welcome: () => sql`
      select c.id as contact_id, 'once' as occurrence_key, c.consent_changed_at as due_at
      from contacts c
      where c.consent_state = 'granted' and c.consent_changed_at > ${from}::timestamptz
        and c.consent_changed_at <= ${to}::timestamptz ${only(sql`c.id`)}`,
  };
  return builders[a.kind]();
}

/**
 * Whether an occurrence falls in the control group: the first 60 bits of md5(kind:guest:key) modulo 100 below
 * the holdout percent. Deterministic (the same occurrence is always in or out, in every instance and on every
 * retry) and independent between occurrences; md5 is used as a hash for spreading, not for security.
 */
export function holdoutSql(kind: SQL, contactId: SQL, key: SQL, percent: number): SQL {
  return sql`((('x' || substr(md5(${kind} || ':' || ${contactId}::text || ':' || ${key}), 1, 15))::bit(60)::bigint % 100) < ${percent})`;
}
