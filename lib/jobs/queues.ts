import "server-only";
import type PgBoss from "pg-boss";

/** pg-boss queue names (v10 allows letters, digits and underscores only). */
export const QUEUE = {
  purgeSignInAttempts: "purge_sign_in_attempts",
  campaignDispatch: "campaign_dispatch",
  campaignSweep: "campaign_sweep",
  deliveryPoll: "delivery_poll",
  stopHeldMessages: "stop_held_messages",
  expireSignups: "expire_signups",
  signupConfirmations: "signup_confirmations",
  automationEvaluate: "automation_evaluate",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** Queue settings; created (idempotently) by every instance at start. */
export const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  // Housekeeping is safe to run late or twice; `singleton` keeps at most one queued at a time.
  [QUEUE.purgeSignInAttempts]: { policy: "singleton", retryLimit: 3, retryDelay: 60 },
  // Exclusion per campaign is the campaign's own lease, not pg-boss: a crashed dispatcher's job would hold a
  // pg-boss slot until it expires, while the lease frees the campaign within seconds. Extra jobs exit at once.
  [QUEUE.campaignDispatch]: {
    policy: "standard",
    retryLimit: 5,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 4 * 3600,
  },
  // Hands campaigns whose dispatcher died (or whose job was lost) to a new one; finishes provider-held ones.
  // Expiry is short because a sweep killed mid-run (its process died) blocks the next ones until it expires.
  [QUEUE.campaignSweep]: { policy: "singleton", retryLimit: 1, expireInSeconds: 120 },
  // Asks providers for delivery verdicts they don't push to us (smsapp.pk never does).
  [QUEUE.deliveryPoll]: { policy: "singleton", retryLimit: 1, expireInSeconds: 300 },
  // Deletes withdrawn guests' messages that CPSMS holds; idempotent, and the sweep runs it too.
  // "stately": one may wait while one runs, so a withdrawal during a run is not lost until the sweep.
  [QUEUE.stopHeldMessages]: { policy: "stately", retryLimit: 3, retryDelay: 10, expireInSeconds: 300 },
  // Erases unconfirmed sign-ups past their time; safe to run late or twice.
  [QUEUE.expireSignups]: { policy: "singleton", retryLimit: 3, retryDelay: 60 },
  // Queues the confirmation texts of sign-ups the page took in. "stately": one may wait while one runs, so a
  // sign-up written during a run is picked up by the next one (the page enqueues after every sign-up); one runs
  // at a time, so the limits it checks are never checked by two at once.
  [QUEUE.signupConfirmations]: { policy: "stately", retryLimit: 5, retryDelay: 5, expireInSeconds: 300 },
  // Automations: what is due is texted once per occurrence (a unique index), so a retry or a second instance's
  // run finds nothing left; singleton only saves the work.
  [QUEUE.automationEvaluate]: { policy: "singleton", retryLimit: 2, retryDelay: 30, expireInSeconds: 600 },
};

/** Recurring jobs (cron, UTC). pg-boss runs each once per slot however many instances are up. */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: QUEUE.purgeSignInAttempts, cron: "17 * * * *" },
  { queue: QUEUE.campaignSweep, cron: "* * * * *" },
  { queue: QUEUE.deliveryPoll, cron: "* * * * *" },
  { queue: QUEUE.expireSignups, cron: "*/10 * * * *" },
  // In case a sign-up's own job was lost (its process died between the write and the enqueue).
  { queue: QUEUE.signupConfirmations, cron: "* * * * *" },
  // Every minute: a thank-you is due to the hour, a welcome soon after consent (the sign-up page's goes at once).
  { queue: QUEUE.automationEvaluate, cron: "* * * * *" },
];
