import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Campaign, campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import { type FrequencyCap, getFrequencyCap } from "@/lib/marketing/frequency-cap";
import { isProviderError, type ProviderError } from "@/lib/sms/errors";
import type { ProviderName } from "@/lib/sms/providers";
import type { OutboundSms } from "@/lib/sms/types";
import { messageFrom, transitionCampaign } from "./apply-transition";
import { campaignEventAllowed } from "./campaign-lifecycle";
import { type ClaimedMessage, claimBatch, releaseClaims } from "./claim-batch";
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
import { reconcileUncertain } from "./reconcile";
import { recordOutcomes, summarizeBatch } from "./record-results";

export type DispatchOptions = {
  sessions: ProviderSessionFactory;
  /** Messages claimed per provider call round; by default the adapter's (`session.batching`). */
  batchSize?: Partial<Record<ProviderName, number>>;
  /** Provider calls in flight at once for one campaign (the per-provider throttle); by default the adapter's. */
  concurrency?: Partial<Record<ProviderName, number>>;
  /** Consecutive failed rounds before sending pauses itself. */
  failureThreshold?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Test seam: runs right after the campaign is read, before anything is done with what was read. */
  afterRead?: () => Promise<void>;
};

export type DispatchOutcome = "busy" | "not-due" | "expired" | "finished" | "handed-over" | "paused" | "stopped";

/** How often a sending campaign re-checks its lease and whether staff paused or cancelled it. */
const CHECK_EVERY_MS = 500;
/** A claimed batch older than this is sent only after checking the lease is still ours (see the lanes). */
const CLAIM_FRESH_MS = 2000;

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
  // This run holds the lease from now: a run that held it before is gone (crashed, or stalled past its lease),
  // so what the provider reports from here on includes anything that run's requests got to it.
  const takenOverAt = new Date();
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
  // Read once per run: a change to the cap applies from the next run of a campaign (the next minute's at most).
  const cap = campaign.category === "marketing" ? await getFrequencyCap(db) : null;
  const stillOurs = () => renewLease(db, campaignId, owner);

  // Rows a previous run left uncertain (a crash: claimed, perhaps handed over). Where the provider's look-up
  // stays right while we send (CPSMS's log), they are looked up in the background while the never-claimed rows
  // go out: CPSMS lets its log be read once per 2 minutes, which after a restart kept thousands of guests waiting
  // for a few hundred uncertain rows. They can't be claimed meanwhile (they aren't "queued"), and this run's own
  // uncertain rows are left to the settling after sending.
  const inherited = await uncertainIds(db, campaignId);
  const background = inherited.length > 0 && session.findSentWhileSending;
  let settling: Promise<boolean> | null = null;
  if (background) {
    settling = settleUncertain(db, campaign, session, owner, stillOurs, sleep, takenOverAt, inherited);
    settling.catch(() => {}); // awaited after sending; this only stops it counting as unhandled meanwhile
  } else {
    if (inherited.length > 0 && !(await settleUncertain(db, campaign, session, owner, stillOurs, sleep, takenOverAt)))
      return "stopped";
    // Where this run starts in the provider's history (smsapp.pk: look-ups after a crash search what was added
    // since). Only moved once nothing older is uncertain: the old mark covers the old rows and this run's.
    const mark = await patiently(() => session.historyMark(), session.provider, sleep, stillOurs);
    if (mark === STOPPED) return "stopped";
    if (mark !== null) await db.update(campaigns).set({ historyMark: mark }).where(eq(campaigns.id, campaignId));
    campaign.historyMark = (await loadCampaign(db, campaignId))?.historyMark ?? null;
  }
  // The background look-up is finished (or stopped) before anything else reads or writes its rows.
  const settledInherited = async () => {
    const done = settling;
    settling = null;
    return done === null ? true : await done;
  };

  // Failures count across rounds, so messages requeued after an ambiguous failure can't loop forever.
  const failures = { consecutive: 0, rateLimited: 0, rateLimitedMs: 0 };
  for (;;) {
    const result = await sendAll(db, { ...campaign, cap }, session, owner, options, failures, stillOurs, sleep);
    if (!(await settledInherited())) return "stopped";
    if (result === "paused") {
      // Leave a truthful record while paused: whatever the provider may have got is looked up now.
      await settleUncertain(db, campaign, session, owner, stillOurs, sleep, takenOverAt);
      return result;
    }
    if (result !== "done") return result;
    // Claims come back empty once another dispatcher has taken over (they are fenced): that is not "done".
    if (!(await stillOurs())) return "stopped";
    // Rows left uncertain by failures inside this run are settled before calling the campaign finished.
    if (!(await settleUncertain(db, campaign, session, owner, stillOurs, sleep, takenOverAt))) return "stopped";
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
  campaign: Campaign & { cap: FrequencyCap | null },
  session: ProviderSession,
  owner: string,
  options: DispatchOptions,
  failures: { consecutive: number; rateLimited: number; rateLimitedMs: number },
  stillOurs: () => Promise<boolean>,
  sleep: (ms: number) => Promise<void>,
): Promise<"done" | "paused" | "stopped"> {
  const batching = session.batching(campaign.sender);
  const batchSize = options.batchSize?.[campaign.provider] ?? batching.batchSize;
  const concurrency = options.concurrency?.[campaign.provider] ?? batching.concurrency;
  const threshold = options.failureThreshold ?? 3;
  let stop: "paused" | "stopped" | null = null;

  const pause = async (error: ProviderError) => {
    if (stop) return;
    stop = "paused"; // set before the await, so other lanes stop at once
    // Not paused by us: staff paused or cancelled meanwhile (keep "paused"), or we were replaced (stop).
    if (!(await pauseForProvider(db, campaign.id, owner, error)) && !(await stillOurs())) stop = "stopped";
  };

  type Claim = { messages: ClaimedMessage[]; at: number };
  const claimNext = (): Promise<Claim> => {
    const claiming = claimBatch(db, campaign.id, batchSize, owner, {
      marketing: campaign.category === "marketing",
      cap: campaign.cap,
      heldUntil: campaign.scheduledVia === "provider" ? campaign.scheduledAt : null,
    }).then((messages) => ({ messages, at: Date.now() }));
    claiming.catch(() => {}); // awaited when its turn comes; this only stops it counting as unhandled meanwhile
    return claiming;
  };
  const lane = async () => {
    // The database work of a round happens while the provider has the lane's batch, so calls follow each other
    // at the provider's pace: the next batch is claimed as this one goes out (a claim took ~8% of each round),
    // and a batch's outcomes are written while the next is with the provider (one write pending per lane).
    // Until written, rows stay "sending", which after a crash means "look up before resending".
    let recording: Promise<void> = Promise.resolve();
    let next: Promise<Claim> | null = claimNext();
    try {
      while (!stop) {
        const { messages: claimed, at } = await (next ?? claimNext());
        next = null;
        if (claimed.length === 0) return;
        // A claim is fenced by the lease when made. One that waited long (a slow provider, or this process
        // stalled) is sent only if the lease is still ours: a dispatcher that took over meanwhile may have
        // looked these rows up, found them absent and sent them itself.
        if (Date.now() - at > CLAIM_FRESH_MS && !(await stillOurs())) {
          stop ??= "stopped";
          return;
        }
        const messages: OutboundSms[] = claimed.map((m) => ({
          to: m.phone,
          text: m.body,
          from: campaign.sender ?? undefined,
          reference: m.reference ?? undefined,
          dlrUrl:
            session.info.deliveryReports === "webhook" && m.reference
              ? deliveryReportUrl(m.reference, session.mode)
              : undefined,
          sendAt: campaign.scheduledVia === "provider" ? (campaign.scheduledAt ?? undefined) : undefined,
          segments: m.segments,
        }));
        const sending = session.sendBatch(messages);
        next = claimNext();
        const results = await sending;
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
        checkMeanwhile();
      }
    } finally {
      await recording;
      // Claimed for a round that never came (the run stopped): never handed over, so back in the queue.
      if (next) await releaseClaims(db, campaign.id, (await next.catch(() => null))?.messages ?? [], owner);
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
  // In the lanes the check runs beside the sending, not in front of the next call: a stop it finds is acted on at
  // the next round (claims are fenced by the lease and the campaign's status in any case).
  let checking: Promise<void> | null = null;
  let checkFailed: { error: unknown } | null = null;
  const checkMeanwhile = () => {
    if (checkFailed) throw checkFailed.error;
    if (checking || Date.now() - lastCheck < CHECK_EVERY_MS) return;
    checking = checkStillGoing()
      .catch((error: unknown) => {
        checkFailed = { error };
      })
      .finally(() => {
        checking = null;
      });
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await checking;
  if (checkFailed) throw (checkFailed as { error: unknown }).error;
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
  /** When this run took the campaign over: the provider's answer must be read after it (findSent). */
  notBefore: Date,
  /** Only these rows (a previous run's), while this run sends; all uncertain rows when not given. */
  only?: readonly number[],
): Promise<boolean> {
  let waited = 0;
  for (;;) {
    const result = await reconcileUncertain(db, campaign.id, session, campaign.historyMark, {
      leaseOwner: owner,
      only,
      notBefore,
    });
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

/** The campaign's rows now "sending": at the start of a run (under the lease), what earlier runs left uncertain. */
async function uncertainIds(db: Database, campaignId: string): Promise<number[]> {
  const rows = await db
    .select({ id: campaignMessages.id })
    .from(campaignMessages)
    .where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.status, "sending")));
  return rows.map((r) => r.id);
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
