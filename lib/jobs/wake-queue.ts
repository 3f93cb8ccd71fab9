import "server-only";
import { logger } from "@/lib/logger";
import { enqueue } from "./boss";
import type { QueueName } from "./queues";

const waking = new Map<QueueName, { sending: boolean; again: boolean }>();

/**
 * Asks a "stately" queue's worker to run (soon) for work the caller has already committed, without waiting for
 * the enqueue: the caller answers at once. Per process, calls coalesce: while one enqueue is on its way, later
 * callers share one more that starts after it, so every caller's work is seen by a run enqueued after its
 * commit, with at most two enqueues for any burst. If the process dies first, the queue's schedule (a minute)
 * runs it anyway; a failed enqueue is logged and left to the same schedule.
 */
export function wakeQueue(queue: QueueName): void {
  let state = waking.get(queue);
  if (!state) {
    state = { sending: false, again: false };
    waking.set(queue, state);
  }
  if (state.sending) {
    state.again = true;
    return;
  }
  state.sending = true;
  const current = state;
  void (async () => {
    do {
      current.again = false;
      await enqueue(queue, {}).catch((err: Error) =>
        logger.warn({ err: err.message, queue }, "could not wake a queue"),
      );
    } while (current.again);
    current.sending = false;
  })();
}
