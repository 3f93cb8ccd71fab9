import { type ChildProcess, fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { logger } from "@/lib/logger";
import { StartupError } from "./startup-error";

/**
 * Scheduling priority of the job process (Unix niceness, 0 = normal, 19 = lowest). Sends, polling and sweeps
 * take whatever CPU the web processes leave: when both want the cores, a page waits less and a send takes a
 * few seconds longer, which nobody notices. Measured by the load bench (50 people browsing during a
 * 10,000-recipient send): at 10 its p95 ranged 115–543 ms between runs, at 19 145–209 ms.
 */
export const JOB_NICENESS = 19;

export type JobProcess = { close: (graceMs: number) => Promise<void> };

/**
 * With several web processes, the job worker runs as a process of its own: `npm run worker` (scripts/worker.ts),
 * started and watched by the launcher, on the database the launcher prepared, at lower priority. Replaced if
 * it crashes; it exits by itself if the launcher dies (its IPC channel closes), so nothing is left running.
 */
export async function startJobProcess(root: string): Promise<JobProcess> {
  let stopping = false;
  let child: ChildProcess;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      child = fork(path.join(root, "scripts/worker.ts"), [], { execArgv: process.execArgv, stdio: "inherit" });
      try {
        os.setPriority(child.pid!, JOB_NICENESS);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "could not lower the job process's priority");
      }
      const early = (code: number | null, signal: string | null) =>
        reject(new StartupError(`The job worker exited while starting (${signal ?? `exit code ${code}`}).`, "See the messages above."));
      child.once("exit", early);
      child.once("message", () => {
        child.off("exit", early);
        child.once("exit", (code, signal) => {
          if (stopping) return;
          logger.error({ code, signal }, "the job worker stopped; starting it again");
          setTimeout(() => void start().catch((err) => logger.error({ err: (err as Error).message }, "could not restart the job worker")), 1_000);
        });
        resolve();
      });
    });

  await start();
  return {
    async close(graceMs) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs + 2_000);
      child.kill("SIGTERM"); // running jobs finish (or are handed back) first
      await exited;
      clearTimeout(timer);
    },
  };
}
