import "server-only";
import { sql } from "drizzle-orm";
import { signupTextBudget } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

type Executor = Pick<Database, "execute">;

export type TextCaps = { hourlyCap: number; hourlyCapPerCountry: number };

/**
 * Takes one confirmation text from this hour's budget, overall and for the number's calling code, or refuses.
 * Each count is one atomic upsert that only increments below its cap, so instances sharing the database can't
 * overshoot it together. Must run inside the caller's transaction: a refusal by the second scope rolls the
 * first one back with it (the refusal itself is counted separately, by `countRefusal`, after the rollback).
 */
export async function takeTextBudget(tx: Executor, callingCode: string, caps: TextCaps, now = new Date()) {
  if (caps.hourlyCap <= 0) return { ok: false as const, scope: "all" };
  if (caps.hourlyCapPerCountry <= 0) return { ok: false as const, scope: callingCode };
  const hour = startOfHour(now).toISOString();
  // Both scopes in one statement; a row comes back for each scope still under its cap.
  const taken = await tx.execute<{ scope: string }>(sql`
    insert into ${signupTextBudget} as b (hour, scope, sent) values (${hour}, 'all', 1), (${hour}, ${callingCode}, 1)
    on conflict (hour, scope) do update set sent = b.sent + 1
    where b.sent < case when b.scope = 'all' then ${caps.hourlyCap}::int else ${caps.hourlyCapPerCountry}::int end
    returning scope`);
  const got = new Set(taken.rows.map((r) => r.scope));
  if (!got.has("all")) return { ok: false as const, scope: "all" };
  if (!got.has(callingCode)) return { ok: false as const, scope: callingCode };
  return { ok: true as const };
}

/** Counts a sign-up that got no text because `scope`'s cap was reached (the dashboard warns about it). */
export async function countRefusal(db: Executor, scope: string, now = new Date()) {
  await db.execute(sql`
    insert into ${signupTextBudget} (hour, scope, refused) values (${startOfHour(now).toISOString()}, ${scope}, 1)
    on conflict (hour, scope) do update set refused = ${signupTextBudget}.refused + 1`);
}

function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3600_000) * 3600_000);
}
