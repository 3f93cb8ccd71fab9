import "server-only";
import { sql } from "drizzle-orm";
import { signupScans, signupSources, signups } from "@/drizzle/schema";
import { dayKey, startOfDay } from "@/lib/dashboard/periods";
import type { Database } from "@/lib/db";
import { DIRECT_SCAN_KEY } from "./scan-keys";

/** The sign-up figures cover the dashboard's widest period: the last 30 calendar days, today included. */
export const SIGNUP_STATS_DAYS = 30;

export type SignupFigures = {
  /** Views of the sign-up page (QR code scans and link opens). */
  scans: number;
  /** Sign-ups made in the period, whatever became of them. */
  signups: number;
  /** Of those, the ones the guest confirmed from the text (double opt-in). */
  confirmed: number;
  /** Of those, still waiting for the guest's confirmation. */
  pending: number;
  /** Of those, the ones that got no confirmation text: the hourly cap was reached. */
  capped: number;
  /** confirmed / signups; null when nobody signed up. */
  rate: number | null;
};

export type SignupSourceRow = SignupFigures & {
  /** The source's id, or "direct" for the plain /join. */
  key: string;
  /** "removed": figures counted under a source that is no longer in the database. */
  kind: "source" | "direct" | "removed";
  name: string | null;
  archived: boolean;
};

export type SignupStats = {
  days: number;
  /** The period's first local midnight (the figures run from it to now). */
  since: Date;
  /** Every active source, archived ones with figures in the period, and the plain /join. */
  rows: SignupSourceRow[];
  totals: SignupFigures;
  /** Whether anyone ever signed up (else the dashboard explains how to start). */
  anySignups: boolean;
};

type Counted = Omit<SignupFigures, "rate"> & { key: string; name: string | null; archived: boolean };

const withRate = <T extends Omit<SignupFigures, "rate">>(f: T): T & { rate: number | null } => ({
  ...f,
  rate: f.signups ? f.confirmed / f.signups : null,
});

/**
 * Sign-ups per source over the last 30 calendar days in the restaurant's zone: page views (scans, counted per
 * local day), sign-ups made in the period and how many of those were confirmed, pending or refused a text by the
 * cap. One grouped statement (sign-ups by the `signups_created_idx` range, scans by their primary key's days),
 * plus an EXISTS for the empty state.
 */
export async function signupStats(db: Database, timeZone: string, now = new Date()): Promise<SignupStats> {
  const since = startOfDay(now, timeZone, SIGNUP_STATS_DAYS - 1);
  const until = startOfDay(now, timeZone, -1);
  const [counted, ever] = await Promise.all([
    db.execute<Counted>(sql`
      with s as (
        select coalesce(source_id::text, ${DIRECT_SCAN_KEY}) as key, count(*)::int as signups,
          count(*) filter (where status = 'confirmed')::int as confirmed,
          count(*) filter (where status in ('pending', 'received'))::int as pending,
          count(*) filter (where status = 'capped')::int as capped
        from ${signups}
        where created_at >= ${since.toISOString()}::timestamptz and created_at < ${until.toISOString()}::timestamptz
          and status <> 'limited' -- refused by a limit: not a sign-up (the page refuses most before writing)
        group by 1
      ), v as (
        select source_key as key, sum(scans)::int as scans
        from ${signupScans}
        where day >= ${dayKey(since, timeZone)}::date and day <= ${dayKey(now, timeZone)}::date
        group by 1
      ), k as (
        select id::text as key from ${signupSources} where archived_at is null
        union select ${DIRECT_SCAN_KEY}::text
        union select key from s
        union select key from v
      )
      select k.key, src.name, src.archived_at is not null as archived, coalesce(v.scans, 0) as scans,
        coalesce(s.signups, 0) as signups, coalesce(s.confirmed, 0) as confirmed,
        coalesce(s.pending, 0) as pending, coalesce(s.capped, 0) as capped
      from k
      left join ${signupSources} src on src.id::text = k.key
      left join s on s.key = k.key
      left join v on v.key = k.key`),
    db.execute<{ found: boolean }>(sql`select exists (select 1 from ${signups}) as found`),
  ]);
  const rows: SignupSourceRow[] = counted.rows
    .map((r) => {
      const kind: SignupSourceRow["kind"] =
        r.key === DIRECT_SCAN_KEY ? "direct" : r.name === null ? "removed" : "source";
      return withRate({ ...r, kind });
    })
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        b.signups - a.signups ||
        b.scans - a.scans ||
        (a.name ?? "").localeCompare(b.name ?? "") ||
        a.key.localeCompare(b.key),
    );
  const sum = (pick: (r: SignupSourceRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const totals = withRate({
    scans: sum((r) => r.scans),
    signups: sum((r) => r.signups),
    confirmed: sum((r) => r.confirmed),
    pending: sum((r) => r.pending),
    capped: sum((r) => r.capped),
  });
  return { days: SIGNUP_STATS_DAYS, since, rows, totals, anySignups: Boolean(ever.rows[0]?.found) };
}

/** Sources first, then figures of removed sources, the plain /join last. */
const order = (r: SignupSourceRow) => (r.kind === "source" ? 0 : r.kind === "removed" ? 1 : 2);
