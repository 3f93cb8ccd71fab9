import "server-only";
import { sql } from "drizzle-orm";
import { signupTextBudget } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { getSignupSettings } from "./signup-settings";

/** How far back the dashboard looks for sign-ups refused a confirmation text by the hourly cap. */
export const CAP_WARNING_HOURS = 24;

const HOUR_MS = 3_600_000;

/** Sign-ups refused a text under one cap: overall ("all") or one country calling code ("+45"). */
export type CapRefusal = {
  scope: string;
  refused: number;
  /** The start of the first hour with a refusal. */
  from: Date;
  /** The end of the last hour with a refusal (now, if that hour is still running). */
  until: Date;
};

export type TextCapWarning = {
  refusals: CapRefusal[];
  /** The caps as they are set now (Settings > Sign-up), to raise if the sign-ups were genuine. */
  hourlyCap: number;
  hourlyCapPerCountry: number;
};

/**
 * Whether the hourly cap on confirmation texts turned sign-ups away in the last 24 hours: per scope (overall
 * first, then by calling code) how many sign-ups got no text and over which hours; null when none did. An hour
 * counts while any of it lies in the window. Read by the budget's primary key (hour, scope): one day of rows.
 */
export async function textCapWarning(db: Database, now = new Date()): Promise<TextCapWarning | null> {
  const windowStart = new Date(now.getTime() - (CAP_WARNING_HOURS + 1) * HOUR_MS);
  const { rows } = await db.execute<{ scope: string; refused: number; first: Date; last: Date }>(sql`
    select scope, sum(refused)::int as refused, min(hour) as first, max(hour) as last
    from ${signupTextBudget}
    where hour > ${windowStart.toISOString()}::timestamptz and hour <= ${now.toISOString()}::timestamptz and refused > 0
    group by scope
    order by scope = 'all' desc, sum(refused) desc, scope`);
  if (rows.length === 0) return null;
  const { hourlyCap, hourlyCapPerCountry } = await getSignupSettings(db);
  return {
    refusals: rows.map((r) => ({
      scope: r.scope,
      refused: r.refused,
      from: new Date(r.first),
      until: new Date(Math.min(new Date(r.last).getTime() + HOUR_MS, now.getTime())),
    })),
    hourlyCap,
    hourlyCapPerCountry,
  };
}
