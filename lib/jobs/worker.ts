import "server-only";
import type PgBoss from "pg-boss";
import { purgeOldSignInAttempts } from "@/lib/auth/throttle";
import { purgeEndedSessions } from "@/lib/auth/user-sessions";
import { evaluateAutomations } from "@/lib/automations/evaluate-automations";
import { dispatchCampaign } from "@/lib/campaigns/dispatch-campaign";
import { LEASE_MS } from "@/lib/campaigns/dispatch-lease";
import { pollDeliveryStatus } from "@/lib/campaigns/poll-delivery";
import { providerSessions } from "@/lib/campaigns/provider-session";
import { runDueRecurringSends } from "@/lib/campaigns/recurring/run-recurring";
import { stopHeldMessages } from "@/lib/campaigns/stop-held-messages";
import { sweepCampaigns } from "@/lib/campaigns/sweep-campaigns";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { expireSignups } from "@/lib/signup/expire-signups";
import { sendSignupConfirmations } from "@/lib/signup/send-confirmations";
import { QUEUE } from "./queues";
import { startSweeper } from "./sweep-timer";

/** Registers this process as a worker for every queue. Handlers must be idempotent: pg-boss may retry. */
export async function registerWorkers(boss: PgBoss) {
  await boss.work(QUEUE.purgeSignInAttempts, async () => {
    // The same daily clean-up takes the sessions that ended (signed out, expired) with it.
    const removed = await purgeOldSignInAttempts(getDb());
    const sessions = await purgeEndedSessions(getDb());
    logger.info({ removed, sessions }, "purged old sign-in attempts and ended sessions");
    return { removed, sessions };
  });

  await boss.work(QUEUE.expireSignups, async () => ({ expired: await expireSignups(getDb()) }));
  await boss.work(QUEUE.signupConfirmations, { pollingIntervalSeconds: 0.5 }, async () =>
    sendSignupConfirmations(getDb()),
  );

  await boss.work(QUEUE.automationEvaluate, async () => {
    const outcomes = await evaluateAutomations(getDb());
    const summary = outcomes.map(({ kind, texted, heldOut }) => ({ kind, texted, heldOut }));
    if (outcomes.some((o) => o.texted + o.heldOut > 0)) logger.info({ summary }, "automations evaluated");
    return { summary };
  });

  await boss.work<{ campaignId: string }>(QUEUE.campaignDispatch, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const db = getDb();
    const outcome = await dispatchCampaign(db, job.data.campaignId, { sessions: providerSessions(db) });
    logger.info({ campaignId: job.data.campaignId, outcome }, "campaign dispatch run");
    if (outcome === "finished") {
      // First verdicts arrive within seconds; don't make staff wait for the minute's poll.
      for (const seconds of [5, 30]) await boss.send(QUEUE.deliveryPoll, {}, { startAfter: seconds });
    }
    return { outcome };
  });

  // The minute's sweep also starts repeating sends that are due (each occurrence once, whichever instance runs it).
  await boss.work(QUEUE.campaignSweep, async () => {
    const db = getDb();
    const recurring = await runDueRecurringSends(db);
    return { ...(await sweepCampaigns(db)), recurring };
  });
  await boss.work(QUEUE.deliveryPoll, async () => pollDeliveryStatus(getDb(), providerSessions(getDb())));
  await boss.work(QUEUE.stopHeldMessages, { pollingIntervalSeconds: 1 }, async () =>
    stopHeldMessages(getDb(), providerSessions(getDb())),
  );
  // A restarted worker picks up at once what a crashed one left. Called directly, not through the sweep queue:
  // that queue runs one job at a time, and a sweep that was running when the previous process was killed holds
  // that slot until it expires. Then again about as often as a lease lasts, and when a live lease it saw runs
  // out (its holder may be dead: sweep-timer.ts), so a dead dispatcher's campaign never waits long.
  let first = true;
  await startSweeper(async () => {
    // Said at start: what a restart found to take over (now, or when a dead dispatcher's lease runs out).
    const level = first ? "info" : "debug";
    first = false;
    try {
      const result = await sweepCampaigns(getDb());
      logger[level](result, "local sweep");
      return result;
    } catch (err) {
      logger.error({ err }, "local sweep failed");
      return undefined;
    }
  }, LEASE_MS);
}
