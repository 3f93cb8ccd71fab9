import cluster from "node:cluster";
import type { Abort } from "./run-main";
import { type Supervised, supervise } from "./supervise";

/**
 * The launcher's side of `WEB_CONCURRENCY` > 1: forks that many web processes (this same entry point, which
 * sees `cluster.isWorker` and only serves; see scripts/start.ts). They inherit the runtime environment the
 * launcher prepared (database URL, secrets) and share the port through node:cluster, which deals connections
 * out in turn; supervise.ts replaces one that crashes. Web processes also exit on their own if the launcher
 * dies (node:cluster closes their channel), so a killed launcher never leaves a server holding the port.
 */
export function startWebCluster(processes: number, onGiveUp?: Abort): Promise<Supervised> {
  return supervise(
    "web server process",
    processes,
    () => {
      const worker = cluster.fork();
      return { child: worker.process, ready: new Promise((resolve) => worker.once("listening", resolve)) };
    },
    onGiveUp,
  );
}
