import "server-only";
import { sql } from "drizzle-orm";
import type { AutomationKind } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { enoughData, newcombeDifference } from "./visit-rate-interval";

/** The window after an occurrence in which a visit counts as coming back. */
export const VISIT_WINDOW_DAYS = 30;

export type HoldoutResults = {
  texted: { guests: number; visited: number };
  control: { guests: number; visited: number };
  /** Occurrences whose 30 days are not over yet: not counted until they are. */
  pending: number;
  /** Texted minus control visit rate with its 95% interval; null while either group is too small. */
  difference: { difference: number; low: number; high: number } | null;
};

/**
 * The visit rate within 30 days of the occurrence, for guests texted (the provider took the text) and for the
 * control group, over occurrences whose 30 days are over, with the interval of the difference.
 */
export async function holdoutResults(db: Database, kind: AutomationKind, now: Date): Promise<HoldoutResults> {
  const { rows } = await db.execute<{ holdout: boolean; guests: number; visited: number; pending: number }>(sql`
    with occ as (
      select o.holdout, o.due_at,
        o.holdout or exists (
          select 1 from campaign_messages m
          where m.campaign_id = o.campaign_id and m.contact_id = o.contact_id
            and m.status in ('accepted', 'buffered', 'delivered', 'unknown')
        ) as counted,
        exists (
          select 1 from visits v
          where v.contact_id = o.contact_id and v.visited_at > o.due_at
            and v.visited_at <= o.due_at + make_interval(days => ${VISIT_WINDOW_DAYS})
        ) as visited
      from automation_occurrences o
      where o.kind = ${kind}
    )
    select holdout,
      count(*) filter (where counted and due_at <= ${now.toISOString()}::timestamptz - make_interval(days => ${VISIT_WINDOW_DAYS}))::int as guests,
      count(*) filter (where counted and visited and due_at <= ${now.toISOString()}::timestamptz - make_interval(days => ${VISIT_WINDOW_DAYS}))::int as visited,
      count(*) filter (where due_at > ${now.toISOString()}::timestamptz - make_interval(days => ${VISIT_WINDOW_DAYS}))::int as pending
    from occ group by holdout`);
  const group = (holdout: boolean) => {
    const r = rows.find((x) => x.holdout === holdout);
    return { guests: r?.guests ?? 0, visited: r?.visited ?? 0 };
  };
  const texted = group(false);
  const control = group(true);
  return {
    texted,
    control,
    pending: rows.reduce((n, r) => n + r.pending, 0),
    difference: enoughData(texted.guests, control.guests)
      ? newcombeDifference(texted.visited, texted.guests, control.visited, control.guests)
      : null,
  };
}
