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
