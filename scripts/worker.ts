/**
 * `npm run worker`: a job worker without a web server, for running the jobs on a separate process or machine.
 * Several workers and app instances can share one DATABASE_URL; pg-boss hands each job to exactly one.
 */
import { logger } from "@/lib/logger";
import { prepareDatabase } from "@/lib/runtime/prepare-database";
import { runMain } from "@/lib/runtime/run-main";

runMain(async (onShutdown) => {
  const db = await prepareDatabase(onShutdown, { role: "worker" });
  await db.startWorker();
  console.log("Cafe de Revenue worker is running (Ctrl-C to stop).");
  logger.info("worker started");
});
