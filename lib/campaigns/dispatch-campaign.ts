import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Campaign, campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isProviderError, type ProviderError } from "@/lib/sms/errors";
import type { OutboundSms } from "@/lib/sms/types";
import { messageFrom, transitionCampaign } from "./apply-transition";
import { campaignEventAllowed } from "./campaign-lifecycle";
import { claimBatch } from "./claim-batch";
import { deliveryReportUrl } from "./delivery-url";
import { acquireLease, releaseLease, renewLease } from "./dispatch-lease";
import { messageTarget } from "./message-lifecycle";
import type { ProviderSession, ProviderSessionFactory } from "./provider-session";
import {
  patiently,
  RATE_LIMIT_PATIENCE_MS,
  rateLimitWaitMs,
  STOPPED,
  sleepInSteps,
  slowDownTooLong,
} from "./rate-limit-patience";
import { reconcileUncertain, smsappHistoryMark } from "./reconcile";
import { recordOutcomes, summarizeBatch } from "./record-results";

export type DispatchOptions = {
  sessions: ProviderSessionFactory;
  /** Messages claimed per provider call round. CPSMS packs up to 100 numbers per request, smsapp.pk 50. */
  batchSize?: Partial<Record<"cpsms" | "smsapp", number>>;
  /** Provider calls in flight at once for one campaign (the per-provider throttle). */
  concurrency?: Partial<Record<"cpsms" | "smsapp", number>>;
  /** Consecutive failed rounds before sending pauses itself. */
  failureThreshold?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Test seam: runs right after the campaign is read, before anything is done with what was read. */
  afterRead?: () => Promise<void>;
};

export type DispatchOutcome = "busy" | "not-due" | "expired" | "finished" | "handed-over" | "paused" | "stopped";

export const DEFAULT_BATCH_SIZE = { cpsms: 100, smsapp: 50 };
export const DEFAULT_CONCURRENCY = { cpsms: 4, smsapp: 4 };
/**
 * smsapp.pk messages from a chosen sender go one per call (bulk calls can't carry a sender): small claims keep
 * each lane's round short (a single send waits for smsapp.pk's gateway) and more lanes keep the pace up.
 */
export const SINGLE_SEND_BATCH = 5;
export const SINGLE_SEND_CONCURRENCY = 8;
/** How often a sending campaign re-checks its lease and whether staff paused or cancelled it. */
const CHECK_EVERY_MS = 500;

// Account-level failures: every further call would fail the same way, so pause at once and say why.
const PAUSE_AT_ONCE = new Set(["unauthorized", "forbidden", "insufficient_credit"]);

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Sends a campaign's queued messages in batches until none are left, it is paused or cancelled, or errors pile
 * up. Safe to run any number of times, from any instance, at any moment: the lease admits one dispatcher, each
 * row is claimed before it is sent, and uncertain rows are reconciled with the provider before anything new.
 */
export async function dispatchCampaign(
  db: Database,
  campaignId: string,
  options: DispatchOptions,
): Promise<DispatchOutcome> {
  const owner = randomUUID();
  if (!(await acquireLease(db, campaignId, owner))) return "busy";
  try {
    return await dispatchLeased(db, campaignId, owner, options);
  } catch (err) {
    // A provider call outside the send loop (smsapp.pk's history mark, the reconcile look-up) failed even after
    // the client's own retries. Thrown, it would leave the campaign "sending" with no word why while the job
    // and the sweep retried it every minute; paused, staff see the provider's trouble and resume later.
    if (!isProviderError(err)) throw err;
    return (await pauseForProvider(db, campaignId, owner, err)) ? "paused" : "stopped";
  } finally {
    await releaseLease(db, campaignId, owner);
  }
}

async function dispatchLeased(
  db: Database,
  campaignId: string,
  owner: string,
  options: DispatchOptions,
): Promise<DispatchOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const campaign = await loadCampaign(db, campaignId);
  await options.afterRead?.();
  if (campaign?.status === "paused") return "paused";
  if (!campaign || !campaignEventAllowed("start", campaign)) return "stopped";
  const providerHolds = campaign.scheduledVia === "provider";
  if (campaign.status === "scheduled" && !providerHolds && campaign.scheduledAt && campaign.scheduledAt > new Date()) {
    return "not-due";
  }
  // What was read may be stale by now (staff paused or cancelled): each write below is a compare-and-set.
  if (isExpired(campaign)) return (await expireCampaign(db, campaign, owner)) ? "expired" : lostTo(db, campaignId);
  if (!providerHolds) {
    const started = await transitionCampaign(db, campaignId, "start", {
      leaseOwner: owner,
      set: { startedAt: campaign.startedAt ?? new Date() },
    });
    if (!started) return lostTo(db, campaignId);
  }

  const session = await options.sessions(campaign.provider);
  const stillOurs = () => renewLease(db, campaignId, owner);

  // First settle what a previous run left uncertain, then mark where this run starts in smsapp.pk's history.
  if (!(await settleUncertain(db, campaign, session, owner, stillOurs, sleep))) return "stopped";
  if (session.provider === "smsapp") {
    const mark = await patiently(() => smsappHistoryMark(session), session.provider, sleep, stillOurs);
    if (mark === STOPPED) return "stopped";
    await db.update(campaigns).set({ historyMark: mark }).where(eq(campaigns.id, campaignId));
  }
  campaign.historyMark = (await loadCampaign(db, campaignId))?.historyMark ?? null;

  // Failures count across rounds, so messages requeued after an ambiguous failure can't loop forever.
  const failures = { consecutive: 0, rateLimited: 0, rateLimitedMs: 0 };
  for (;;) {
    const result = await sendAll(db, campaign, session, owner, options, failures, stillOurs, sleep);
    if (result === "paused") {
      // Leave a truthful record while paused: whatever the provider may have got is looked up now.
      await settleUncertain(db, campaign, session, owner, stillOurs, sleep);
      return result;
    }
    if (result !== "done") return result;
    // Claims come back empty once another dispatcher has taken over (they are fenced): that is not "done".
    if (!(await stillOurs())) return "stopped";
    // Rows left uncertain by failures inside this run are settled before calling the campaign finished.
    if (!(await settleUncertain(db, campaign, session, owner, stillOurs, sleep))) return "stopped";
    if ((await countRemaining(db, campaignId)) === 0) break;
  }

  await transitionCampaign(db, campaignId, providerHolds ? "handOver" : "finish", {
    leaseOwner: owner,
    set: providerHolds ? {} : { finishedAt: new Date() },
  });
  return providerHolds ? "handed-over" : "finished";
}

/** The campaign moved on under us (staff paused or cancelled it): how the run ends. */
async function lostTo(db: Database, campaignId: string): Promise<DispatchOutcome> {
  return (await loadCampaign(db, campaignId))?.status === "paused" ? "paused" : "stopped";
}

/**
 * Pauses a campaign that is (about to be) sending, with the provider error's plain explanation. Only while we
 * hold the lease: a dispatcher that was replaced must not pause the one now sending (false then).
 */
async function pauseForProvider(
  db: Database,
  campaignId: string,
  owner: string,
  error: ProviderError,
): Promise<boolean> {
  const paused = await transitionCampaign(db, campaignId, "providerPause", {
    leaseOwner: owner,
    set: { pauseReason: error.userMessage },
  });
  if (paused)
    logger.warn({ campaignId, code: error.code, operation: error.operation }, "campaign paused by provider errors");
  return paused;
}

async function sendAll(
  db: Database,
  campaign: Campaign,
  session: ProviderSession,
  owner: string,
  options: DispatchOptions,
  failures: { consecutive: number; rateLimited: number; rateLimitedMs: number },
  stillOurs: () => Promise<boolean>,
  sleep: (ms: number) => Promise<void>,
): Promise<"done" | "paused" | "stopped"> {
  const oneByOne = campaign.provider === "smsapp" && campaign.sender !== null;
  const batchSize =
    options.batchSize?.[campaign.provider] ?? (oneByOne ? SINGLE_SEND_BATCH : DEFAULT_BATCH_SIZE[campaign.provider]);
  const concurrency =
    options.concurrency?.[campaign.provider] ??
    (oneByOne ? SINGLE_SEND_CONCURRENCY : DEFAULT_CONCURRENCY[campaign.provider]);
  const threshold = options.failureThreshold ?? 3;
  let stop: "paused" | "stopped" | null = null;

  const pause = async (error: ProviderError) => {
    if (stop) return;
    stop = "paused"; // set before the await, so other lanes stop at once
    // Not paused by us: staff paused or cancelled meanwhile (keep "paused"), or we were replaced (stop).
    if (!(await pauseForProvider(db, campaign.id, owner, error)) && !(await stillOurs())) stop = "stopped";
  };

  const lane = async () => {
    // A batch's outcomes are written while the next batch is with the provider (one write pending per lane):
    // until written, its rows stay "sending", which after a crash means "look up before resending".
    let recording: Promise<void> = Promise.resolve();
    try {
      while (!stop) {
        const claimed = await claimBatch(db, campaign.id, batchSize, owner, {
          marketing: campaign.category === "marketing",
        });
        if (claimed.length === 0) return;
        const messages: OutboundSms[] = claimed.map((m) => ({
          to: m.phone,
          text: m.body,
          from: campaign.sender ?? undefined,
          reference: m.reference ?? undefined,
          dlrUrl:
            session.provider === "cpsms" && m.reference ? deliveryReportUrl(m.reference, session.mode) : undefined,
          sendAt: campaign.scheduledVia === "provider" ? (campaign.scheduledAt ?? undefined) : undefined,
          segments: m.segments,
        }));
        const results = await session.client.sendBatch(messages);
        const summary = summarizeBatch(
          claimed.map((m) => m.id),
          results,
        );
        await recording;
        recording = recordOutcomes(db, summary.outcomes);
        recording.catch(() => {}); // awaited below or next round; this only stops it counting as unhandled
        if (summary.failure?.code === "rate_limited") {
          // The provider asked us to slow down: wait as asked (backing off), and never count it as a failure.
          await recording;
          failures.rateLimited++;
          const wait = rateLimitWaitMs(summary.failure.retryAfterMs, failures.rateLimited);
          failures.rateLimitedMs += wait;
          if (failures.rateLimitedMs > RATE_LIMIT_PATIENCE_MS) await pause(slowDownTooLong(campaign.provider));
          else await waitKeepingLease(wait);
        } else if (summary.failure) {
          await recording;
          failures.consecutive++;
          if (PAUSE_AT_ONCE.has(summary.failure.code) || failures.consecutive >= threshold)
            await pause(summary.failure);
          else await sleep(Math.min(8000, 500 * 2 ** failures.consecutive) + (summary.failure.retryAfterMs ?? 0));
        } else {
          failures.consecutive = 0;
          failures.rateLimited = 0;
        }
        await checkStillGoing();
      }
    } finally {
      await recording;
    }
  };
  // The lease stays ours (and a pause or cancel by staff is seen) while we wait.
  const waitKeepingLease = async (ms: number) => {
    if (stop) return;
    await sleepInSteps(ms, sleep, async () => {
      lastCheck = 0;
      await checkStillGoing();
      return !stop;
    });
  };
  // Lease renewal and the pause/cancel check are shared by the lanes and run at most every CHECK_EVERY_MS:
  // once per round per lane cost as much as a provider call's worth of database time.
  let lastCheck = 0;
  const checkStillGoing = async () => {
    if (Date.now() - lastCheck < CHECK_EVERY_MS) return;
    lastCheck = Date.now();
    if (!(await stillOurs())) stop ??= "stopped";
    const status = (await loadCampaign(db, campaign.id))?.status;
    if (status === "paused") stop ??= "paused";
    if (status === "cancelled") stop ??= "stopped";
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  // Claims stop at once when staff pause or cancel (they are fenced by the campaign's status): say which it was.
  lastCheck = 0;
  await checkStillGoing();
  return stop ?? "done";
}

/**
 * Reconciles uncertain rows, waiting (with the lease kept alive) while CPSMS's log can't be refreshed yet or the
 * provider asks us to slow down: a rate limit is a reason to wait, never to pause. Only after RATE_LIMIT_PATIENCE_MS
 * of waiting does it give up, with a ProviderError the caller turns into a pause staff can see.
 */
async function settleUncertain(
  db: Database,
  campaign: Campaign,
  session: ProviderSession,
  owner: string,
  stillOurs: () => Promise<boolean>,
  sleep: (ms: number) => Promise<void>,
): Promise<boolean> {
  let waited = 0;
  for (;;) {
    const result = await reconcileUncertain(db, campaign.id, session, campaign.historyMark, owner);
    if (!result.retryAt) return true;
    const wait = Math.max(1000, result.retryAt.getTime() + 1000 - Date.now());
    if (waited + wait > RATE_LIMIT_PATIENCE_MS) throw slowDownTooLong(session.provider);
    logger.info(
      { campaignId: campaign.id, until: result.retryAt },
      "waiting before looking up uncertain messages again",
    );
    if (!(await sleepInSteps(wait, sleep, stillOurs))) return false;
    waited += wait;
  }
}

async function loadCampaign(db: Database, id: string): Promise<Campaign | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

async function countRemaining(db: Database, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignMessages)
    .where(and(eq(campaignMessages.campaignId, campaignId), inArray(campaignMessages.status, ["queued", "sending"])));
  return row?.n ?? 0;
}

function isExpired(campaign: Campaign): boolean {
  if (!campaign.scheduledAt || campaign.expireAfterMinutes === null || campaign.scheduledVia === "provider")
    return false;
  return Date.now() > campaign.scheduledAt.getTime() + campaign.expireAfterMinutes * 60_000;
}

/** Closes a campaign too late to send, with its messages; false when staff paused or cancelled it first. */
async function expireCampaign(db: Database, campaign: Campaign, owner: string): Promise<boolean> {
  const minutes = Math.round((Date.now() - (campaign.scheduledAt?.getTime() ?? Date.now())) / 60_000);
  return db.transaction(async (tx) => {
    const expired = await transitionCampaign(tx, campaign.id, "expire", {
      leaseOwner: owner,
      set: {
        finishedAt: new Date(),
        pauseReason: `Not sent: it was ${minutes} minutes late, past the ${campaign.expireAfterMinutes}-minute limit.`,
      },
    });
    if (!expired) return false;
    await tx
      .update(campaignMessages)
      .set({ status: messageTarget("expire"), statusChangedAt: new Date(), errorMessage: "Not sent: too late" })
      .where(and(eq(campaignMessages.campaignId, campaign.id), messageFrom("expire", campaignMessages.status)));
    return true;
  });
}
