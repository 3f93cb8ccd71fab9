import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { logger } from "@/lib/logger";
import type { Abort } from "./run-main";
import { type Supervised, supervise } from "./supervise";

/**
 * Scheduling priority of the job process (Unix niceness, 0 = normal, 19 = lowest). Sends, polling and sweeps
 * take whatever CPU the web processes leave: when both want the cores, a page waits less and a send takes a
 * few seconds longer, which nobody notices. Measured by the load bench (50 people browsing during a
 * 10,000-recipient send): at 10 its p95 ranged 115–543 ms between runs, at 19 145–209 ms.
 */
export const JOB_NICENESS = 19;

/**
 * With several web processes, the job worker runs as a process of its own: `npm run worker` (scripts/worker.ts),
 * started and watched by the launcher (supervise.ts), on the database the launcher prepared, at lower
 * priority. It exits by itself if the launcher dies (its IPC channel closes), so nothing is left running.
 */
export function startJobProcess(root: string, onGiveUp?: Abort): Promise<Supervised> {
  return supervise(
    "job worker",
    1,
    () => {
      const child = fork(path.join(root, "scripts/worker.ts"), [], { execArgv: process.execArgv, stdio: "inherit" });
      try {
        os.setPriority(child.pid!, JOB_NICENESS);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "could not lower the job process's priority");
      }
      return { child, ready: new Promise((resolve) => child.once("message", resolve)) };
    },
    onGiveUp,
  );
}
