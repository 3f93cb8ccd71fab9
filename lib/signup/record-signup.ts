import "server-only";
import { sql } from "drizzle-orm";
import { signups, signupTextBudget } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { SIGNUPS_PER_ADDRESS_PER_HOUR, SIGNUPS_PER_NUMBER_PER_DAY } from "./limits";
import type { TextCaps } from "./text-budget";

export type SignupRow = {
  sourceId: string | null;
  phone: string;
  phoneHash: string;
  callingCode: string;
  firstName: string;
  birthdayMonth: number | null;
  birthdayDay: number | null;
  language: "da" | "en" | "ur";
  wording: string;
  clientKey: string;
  expiresAt: Date;
  createdAt: Date;
};

/**
 * "received": recorded, the confirmation text follows from the job worker. "address"/"number": over a limit,
 * nothing recorded. "capped": this hour's cap on texts is reached (scope "all" or the calling code): recorded as
 * capped, without the number or name.
 */
export type Intake = { verdict: "received" } | { verdict: "address" | "number" } | { verdict: "capped"; scope: string };

/**
 * Takes a sign-up in with one statement: the limits per address and per number and this hour's text budget
 * (texts sent, and those still to send) are read, and the row is written only if they allow it. It reads, it does not lock: a burst of posts from one
 * address or to one number can pass together, so the job worker checks them once more, one at a time, before
 * any text is queued (send-confirmations.ts). A guest trying again, one post after another, is told here.
 * No hot row is written, so a room signing up at once doesn't queue behind one lock.
 */
export async function recordSignup(db: Database, row: SignupRow, caps: TextCaps): Promise<Intake> {
  const now = row.createdAt.getTime();
  const hourAgo = new Date(now - 3600_000).toISOString();
  const dayAgo = new Date(now - 24 * 3600_000).toISOString();
  const hour = new Date(Math.floor(now / 3600_000) * 3600_000).toISOString();
  const { rows } = await db.execute<{ verdict: string }>(sql`
    with prior as (
      select
        count(*) filter (where client_key = ${row.clientKey} and created_at > ${hourAgo}::timestamptz)::int as by_address,
        count(*) filter (where phone_hash = ${row.phoneHash} and created_at > ${dayAgo}::timestamptz)::int as by_number
      from ${signups}
      where status <> 'limited'
        and ((client_key = ${row.clientKey} and created_at > ${hourAgo}::timestamptz)
          or (phone_hash = ${row.phoneHash} and created_at > ${dayAgo}::timestamptz))
    ), budget as (
      select coalesce(max(sent) filter (where scope = 'all'), 0) as all_sent,
        coalesce(max(sent) filter (where scope = ${row.callingCode}), 0) as code_sent
      from ${signupTextBudget}
      where hour = ${hour}::timestamptz and scope in ('all', ${row.callingCode})
    ), waiting as (
      -- Taken in this hour, not yet texted by the worker: their texts are as good as spent.
      select count(*)::int as all_waiting, count(*) filter (where calling_code = ${row.callingCode})::int as code_waiting
      from ${signups}
      where status = 'received' and created_at >= ${hour}::timestamptz
    ), verdict as (
      select case
        when by_address >= ${SIGNUPS_PER_ADDRESS_PER_HOUR} then 'address'
        when by_number >= ${SIGNUPS_PER_NUMBER_PER_DAY} then 'number'
        when all_sent + all_waiting >= ${caps.hourlyCap} then 'capped:all'
        when code_sent + code_waiting >= ${caps.hourlyCapPerCountry} then ${`capped:${row.callingCode}`}
        else 'received' end as verdict
      from prior, budget, waiting
    ), saved as (
      insert into ${signups} (source_id, phone, phone_hash, calling_code, first_name, birthday_month, birthday_day,
        language, wording, client_key, expires_at, created_at, status)
      select ${row.sourceId}::uuid, case when verdict = 'received' then ${row.phone} end, ${row.phoneHash},
        ${row.callingCode}, case when verdict = 'received' then ${row.firstName} end,
        case when verdict = 'received' then ${row.birthdayMonth}::int end,
        case when verdict = 'received' then ${row.birthdayDay}::int end,
        ${row.language}, ${row.wording}, ${row.clientKey}, ${row.expiresAt.toISOString()}::timestamptz,
        ${row.createdAt.toISOString()}::timestamptz, case when verdict = 'received' then 'received' else 'capped' end
      from verdict
      where verdict = 'received' or verdict like 'capped:%'
    )
    select verdict from verdict`);
  const verdict = rows[0]?.verdict ?? "received";
  if (verdict === "address" || verdict === "number" || verdict === "received") return { verdict };
  return { verdict: "capped", scope: verdict.slice("capped:".length) };
}
