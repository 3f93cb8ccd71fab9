import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { QUEUE_OPTIONS, type QueueName, SCHEDULES } from "./queues";

export const PGBOSS_SCHEMA = "pgboss";

// One instance per process, shared by the launcher's worker and the Next.js server bundle.
const globalForBoss = globalThis as unknown as { cafeBoss?: Promise<PgBoss> };

/**
 * Starts pg-boss on DATABASE_URL. With `worker: true` this process also runs maintenance and cron scheduling
 * (pg-boss coordinates these across instances through Postgres); without, it only enqueues jobs.
 */
export function startBoss(options: { worker: boolean }): Promise<PgBoss> {
  globalForBoss.cafeBoss ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set.");
    const boss = new PgBoss({
      connectionString: url,
      schema: PGBOSS_SCHEMA,
      application_name: options.worker ? "cafe-worker" : "cafe-web",
      max: 4,
      supervise: options.worker,
      schedule: options.worker,
    });
    boss.on("error", (err) => logger.error({ err }, "job queue error"));
    await boss.start();
    for (const [name, queueOptions] of Object.entries(QUEUE_OPTIONS)) await ensureQueue(boss, name, queueOptions);
    if (options.worker) {
      for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron);
    }
    return boss;
  })().catch((err) => {
    globalForBoss.cafeBoss = undefined;
    throw err;
  });
  return globalForBoss.cafeBoss;
}

/** Enqueues a job from anywhere in the app (server actions, route handlers, other jobs). */
export async function enqueue(queue: QueueName, data: object, options?: PgBoss.SendOptions) {
  const boss = await (globalForBoss.cafeBoss ?? startBoss({ worker: false }));
  return boss.send(queue, data, options ?? {});
}

/** Stops pg-boss, letting running jobs finish for up to `timeoutMs`. */
export async function stopBoss(timeoutMs = 10_000) {
  const pending = globalForBoss.cafeBoss;
  globalForBoss.cafeBoss = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => undefined);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
}

/**
 * Creates a queue, or brings an existing one up to date. Instances starting at the same moment race to create the same queues, and
 * pg-boss's DDL can then deadlock or hit a duplicate: the loser just checks again.
 */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  for (let attempt = 1; ; attempt++) {
    try {
      // Existing queues get today's settings too (an upgrade may change expiry or retries).
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
      else await boss.createQueue(name, { name, ...options });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 5 || (code !== "40P01" && code !== "23505" && code !== "42P07")) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}
