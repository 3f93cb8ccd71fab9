import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Codes a user may type that match nothing, per hour. Only misses count: a busy till looks up many real codes,
 * and Crockford's forgiving reading (case, spaces, O/0, I/L/1) already absorbs most typos. 20 misses an hour is
 * 175,200 guesses a year per account against 2⁴⁰ codes: with 100,000 codes alive, about 1.6 % odds of ever
 * hitting one, and every miss is in the audit log under the user's name.
 */
export const MAX_MISSES_PER_HOUR = 20;
export const MISS_WINDOW_MS = 60 * 60_000;
/** The audit action that is both the record of a miss and the limiter's counter. */
export const MISS_ACTION = "offer.code_not_found";

type Tx = Database;

/**
 * Runs `find` under the user's miss limit: under an advisory lock per user (so parallel lookups can't all see
 * "19 of 20"), refuses when the hour's misses are used up, else runs it and, when it finds nothing, records the
 * miss in the same transaction. The same pattern as test sends (lib/test-sends/per-user-limit.ts): the audit
 * log is the counter, shared by every instance.
 */
export async function withMissLimit<T>(
  db: Database,
  userId: string,
  code: string,
  find: (tx: Tx) => Promise<T | null>,
): Promise<T> {
  const outcome = await db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${MISS_ACTION}), hashtext(${userId}))`);
    // clock_timestamp(), not now(): now() is when this transaction began, possibly before the lock was ours.
    const since = sql`clock_timestamp() - make_interval(secs => ${MISS_WINDOW_MS / 1000})`;
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.createdAt})::text` })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, MISS_ACTION), gt(auditLog.createdAt, since)));
    if ((row?.count ?? 0) >= MAX_MISSES_PER_HOUR) {
      const freeAt = new Date(row!.oldest!).getTime() + MISS_WINDOW_MS;
      return { limited: true, minutes: Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)) } as const;
    }
    const found = await find(tx);
    if (found === null) {
      await tx.insert(auditLog).values({
        actorId: userId,
        action: MISS_ACTION,
        targetType: "offer_code",
        targetId: code,
        details: {},
        createdAt: sql`clock_timestamp()`,
      });
    }
    return { limited: false, found } as const;
  });
  if (outcome.limited) throw new AppError("RATE_LIMITED", "Redeem.errors.tooManyMisses", { minutes: outcome.minutes });
  if (outcome.found === null) throw new AppError("NOT_FOUND", "Redeem.errors.unknownCode");
  return outcome.found;
}
