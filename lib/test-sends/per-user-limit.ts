import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** How far back a per-user limit counts. */
export const LIMIT_WINDOW_MS = 60 * 60_000;

type Entry = { action: string; targetType: string; targetId?: string | null; details: Record<string, unknown> };

/**
 * Writes `entry` to the audit log for this user only while they have fewer than `max` entries of that action in
 * the last hour, and returns its id (null when the limit is reached, with the time the oldest one leaves the
 * window). An advisory lock per user and action makes the count and the insert one step, so parallel requests
 * can't both see "9 of 10" and both go ahead. The row is the reservation: it is written before the work it counts.
 */
export async function reserveWithinLimit(
  db: Database,
  userId: string,
  max: number,
  entry: Entry,
): Promise<{ id: number } | { id: null; freeAt: Date }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${entry.action}), hashtext(${userId}))`);
    // clock_timestamp(), not now(): now() is when this transaction began, possibly before the lock was ours.
    const since = sql`clock_timestamp() - make_interval(secs => ${LIMIT_WINDOW_MS / 1000})`;
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.createdAt})::text` })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, entry.action), gt(auditLog.createdAt, since)));
    if ((row?.count ?? 0) >= max) {
      return { id: null, freeAt: new Date(new Date(row!.oldest!).getTime() + LIMIT_WINDOW_MS) };
    }
    const [inserted] = await tx
      .insert(auditLog)
      .values({
        actorId: userId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        details: entry.details,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: auditLog.id });
    return { id: inserted!.id };
  });
}

/** Adds the outcome to a reserved audit entry (the same event: the reservation said what was about to happen). */
export async function completeReservation(db: Database, id: number, details: Record<string, unknown>): Promise<void> {
  await db
    .update(auditLog)
    .set({ details: sql`${auditLog.details} || ${JSON.stringify(details)}::jsonb` })
    .where(eq(auditLog.id, id));
}

/** Whole minutes (at least 1) until `at`, for "in 12 minutes" in the reader's language. */
export function minutesUntil(at: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}
