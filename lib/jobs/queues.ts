import type PgBoss from "pg-boss";

/** pg-boss queue names (v10 allows letters, digits and underscores only). */
export const QUEUE = {
  purgeSignInAttempts: "purge_sign_in_attempts",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** Queue settings; created (idempotently) by every instance at start. */
export const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  // Housekeeping is safe to run late or twice; `singleton` keeps at most one queued at a time.
  [QUEUE.purgeSignInAttempts]: { policy: "singleton", retryLimit: 3, retryDelay: 60 },
};

/** Recurring jobs (cron, UTC). pg-boss runs each once per slot however many instances are up. */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [{ queue: QUEUE.purgeSignInAttempts, cron: "17 * * * *" }];
