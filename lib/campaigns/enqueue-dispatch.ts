import { createHash } from "node:crypto";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUE } from "@/lib/jobs/queues";

/** Asks a worker to dispatch a campaign, now or when it is due (a scheduled smsapp.pk send waits in the queue). */
export async function enqueueDispatch(campaignId: string, startAfter?: Date) {
  await enqueue(
    QUEUE.campaignDispatch,
    { campaignId },
    startAfter && startAfter > new Date() ? { startAfter } : undefined,
  );
}

/**
 * The lease test is "lease_until < now()": a job fetched at the very instant the lease ends would find it still
 * held and exit. Starting a moment later costs nothing against a lease of seconds.
 */
const AFTER_LEASE_MS = 100;

/**
 * A dispatch that starts the moment a campaign's lease runs out. The holder may have died with it (a crash, a
 * power cut): then this job takes the campaign over without waiting for a sweep after the lease. If the holder
 * is alive it renews the lease before then, and the job finds it busy and exits at once.
 *
 * Every sweep of every instance may ask for this with the same lease: the job's id is made from the campaign
 * and the lease's end, so pg-boss keeps one job per lease (its insert skips an existing id). A lease renewed
 * by a live dispatcher gets a new job at the next sweep, a few per minute per sending campaign.
 */
export async function enqueueDispatchAfterLease(campaignId: string, leaseUntil: Date) {
  await enqueue(
    QUEUE.campaignDispatch,
    { campaignId },
    {
      id: uuidFrom(`${campaignId}/${leaseUntil.toISOString()}`),
      startAfter: new Date(leaseUntil.getTime() + AFTER_LEASE_MS),
    },
  );
}

/** A UUID (shaped as version 4, which pg-boss's uuid column accepts) that is the same for the same text. */
function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
