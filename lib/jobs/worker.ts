import type PgBoss from "pg-boss";
import { purgeOldSignInAttempts } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { QUEUE } from "./queues";

/** Registers this process as a worker for every queue. Handlers must be idempotent: pg-boss may retry. */
export async function registerWorkers(boss: PgBoss) {
  await boss.work(QUEUE.purgeSignInAttempts, async () => {
    const removed = await purgeOldSignInAttempts(getDb());
    logger.info({ removed }, "purged old sign-in attempts");
    return { removed };
  });
}
