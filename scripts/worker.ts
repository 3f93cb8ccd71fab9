/**
 * `npm run worker`: a job worker without a web server, for running the jobs on a separate process or machine.
 * Several workers and app instances can share one DATABASE_URL; pg-boss hands each job to exactly one.
 * `npm start` also runs this file as its job process when it serves pages from several web processes
 * (lib/runtime/job-process.ts): it then reports ready to the launcher and exits if the launcher goes away.
 */
import { logger } from "@/lib/logger";
import { prepareDatabase } from "@/lib/runtime/prepare-database";
import { runMain } from "@/lib/runtime/run-main";

const launched = typeof process.send === "function";

runMain(
  async (onShutdown) => {
    const db = await prepareDatabase(onShutdown, { role: "worker" });
    await db.startWorker();
    if (launched) {
      // A killed launcher closes this channel: stop too, as its web processes do (leases make that safe).
      process.on("disconnect", () => process.exit(1));
      process.send!("ready");
      logger.info("job process started");
      return;
    }
    console.log("Cafe de Revenue worker is running (Ctrl-C to stop).");
    logger.info("worker started");
  },
  { child: launched },
);
