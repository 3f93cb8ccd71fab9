import "server-only";
import { and, count, eq, gt, lt, max, min, sql } from "drizzle-orm";
import { signInAttempts } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** Failed attempts allowed per email inside the window before that email is locked for the rest of it. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed attempts allowed per client address (any emails): a shared restaurant Wi-Fi gets some slack. */
export const MAX_FAILURES_PER_CLIENT = 20;
/** Window and lock duration: long enough to make guessing useless, short enough not to strand a shift. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Attempts are kept a day, then purged by the maintenance job. */
export const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Which password check an attempt was: each kind has its own counts. */
export type AttemptKind = "sign-in" | "password-change";
export type ThrottleState = { limited: false } | { limited: true; retryAfterMs: number; scope: "email" | "client" };
type Limited = Extract<ThrottleState, { limited: true }>;
type Attempt = { kind: AttemptKind; email: string; clientAddress: string };
type Executor = Pick<Database, "select" | "insert" | "execute">;

// Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)), so an email and an address never share
// a key. Always taken email first, then address: a fixed order can't deadlock.
const LOCK_CLASS = { "sign-in": 7101, "password-change": 7102, client: 7103 } as const;

/**
 * Decides whether a password check for this email from this address may run now. Failures for an email count
 * only since its last success; failures from an address always count, so one valid account can't reset it.
 * The address limit applies to sign-in only: a password change is already tied to one signed-in account.
 */
export async function checkSignInThrottle(
  db: Executor,
  email: string,
  clientAddress: string,
  now = new Date(),
  kind: AttemptKind = "sign-in",
): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const ofKind = eq(signInAttempts.kind, kind);

  const [lastSuccess] = await db
    .select({ at: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
        ofKind,
        eq(signInAttempts.email, email),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.createdAt, windowStart),
      ),
    );
  const emailSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;

  const [byEmail] = await db
    .select({ failures: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
        ofKind,
        eq(signInAttempts.email, email),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, emailSince),
      ),
    );
  if (byEmail && byEmail.failures >= MAX_FAILURES_PER_EMAIL && byEmail.oldest) {
    return { limited: true, scope: "email", retryAfterMs: retryAfter(byEmail.oldest, now) };
  }
  if (kind !== "sign-in") return { limited: false };

  const [byClient] = await db
    .select({ failures: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
        ofKind,
        eq(signInAttempts.clientAddress, clientAddress),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, windowStart),
      ),
    );
  if (byClient && byClient.failures >= MAX_FAILURES_PER_CLIENT && byClient.oldest) {
    return { limited: true, scope: "client", retryAfterMs: retryAfter(byClient.oldest, now) };
  }
  return { limited: false };
}

/**
 * Counts and reserves in one step: under advisory locks on the email and the address, checks the limits and,
 * when allowed, records the attempt as a failure before any password is checked. Parallel attempts queue on the
 * locks and see each other's reservations, so N at once never check more passwords than the limit.
 */
export async function reservePasswordCheck(
  db: Database,
  attempt: Attempt,
  now = new Date(),
): Promise<Limited | { limited: false; attemptId: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS[attempt.kind]}::int, hashtext(${attempt.email}))`);
    if (attempt.kind === "sign-in") {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${LOCK_CLASS.client}::int, hashtext(${attempt.clientAddress}))`,
      );
    }
    const state = await checkSignInThrottle(tx, attempt.email, attempt.clientAddress, now, attempt.kind);
    if (state.limited) return state as Limited;
    const [row] = await tx
      .insert(signInAttempts)
      .values({ ...attempt, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { limited: false as const, attemptId: row!.id };
  });
}

/**
 * Runs one password check under the throttle: reserve (as a failure), check, and flip the attempt to succeeded
 * when the password was right. A throttled attempt checks nothing and records nothing, so it can't extend a lock.
 */
export async function throttledPasswordCheck(
  db: Database,
  attempt: Attempt,
  check: () => Promise<boolean>,
): Promise<Limited | { limited: false; ok: boolean }> {
  const reserved = await reservePasswordCheck(db, attempt);
  if (reserved.limited) return reserved;
  const ok = await check();
  if (ok) await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, reserved.attemptId));
  return { limited: false, ok };
}

/** Records one finished attempt directly (tests and tools; live checks go through `throttledPasswordCheck`). */
export async function recordSignInAttempt(
  db: Database,
  email: string,
  clientAddress: string,
  succeeded: boolean,
  kind: AttemptKind = "sign-in",
) {
  await db.insert(signInAttempts).values({ email, clientAddress, succeeded, kind });
}

/** Deletes attempts older than the retention period; returns how many were removed. */
export async function purgeOldSignInAttempts(db: Database, now = new Date()): Promise<number> {
  const removed = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)))
    .returning({ id: signInAttempts.id });
  return removed.length;
}

/** "Try again in N minutes" for a throttled sign-in: a catalogue key and its values, translated where shown. */
export function throttleMessage(retryAfterMs: number): { key: string; values: { minutes: number } } {
  return { key: "Auth.signIn.errors.throttledFor", values: { minutes: minutesUntil(retryAfterMs) } };
}

/** Whole minutes (at least one) until a throttled check may be tried again. */
export function minutesUntil(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

function retryAfter(oldestFailure: Date, now: Date) {
  return Math.max(1000, oldestFailure.getTime() + THROTTLE_WINDOW_MS - now.getTime());
}
