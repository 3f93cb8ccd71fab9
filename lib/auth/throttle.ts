import { and, count, eq, gt, lt, max, min } from "drizzle-orm";
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

export type ThrottleState = { limited: false } | { limited: true; retryAfterMs: number; scope: "email" | "client" };

/**
 * Decides whether a sign-in for this email from this address may be tried now. Failures for an email count
 * only since its last success; failures from an address always count, so one valid account can't reset it.
 */
export async function checkSignInThrottle(
  db: Database,
  email: string,
  clientAddress: string,
  now = new Date(),
): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);

  const [lastSuccess] = await db
    .select({ at: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gt(signInAttempts.createdAt, windowStart)));
  const emailSince = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;

  const [byEmail] = await db
    .select({ failures: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, emailSince)));
  if (byEmail && byEmail.failures >= MAX_FAILURES_PER_EMAIL && byEmail.oldest) {
    return { limited: true, scope: "email", retryAfterMs: retryAfter(byEmail.oldest, now) };
  }

  const [byClient] = await db
    .select({ failures: count(), oldest: min(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(
      and(
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

/** Records one attempt (after the password check, so throttled attempts don't extend the lock forever). */
export async function recordSignInAttempt(db: Database, email: string, clientAddress: string, succeeded: boolean) {
  await db.insert(signInAttempts).values({ email, clientAddress, succeeded });
}

/** Deletes attempts older than the retention period; returns how many were removed. */
export async function purgeOldSignInAttempts(db: Database, now = new Date()): Promise<number> {
  const removed = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)))
    .returning({ id: signInAttempts.id });
  return removed.length;
}

/** "Try again in N minutes" text for a throttled sign-in. */
export function throttleMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. For your security, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

function retryAfter(oldestFailure: Date, now: Date) {
  return Math.max(1000, oldestFailure.getTime() + THROTTLE_WINDOW_MS - now.getTime());
}
