import cluster, { type Worker } from "node:cluster";
import { logger } from "@/lib/logger";
import { StartupError } from "./startup-error";

export type WebCluster = { close: (graceMs: number) => Promise<void> };

/** More crashes than this within a minute is a crash loop: stop replacing and say so. */
const MAX_CRASHES_PER_MINUTE = 5;

/**
 * The launcher's side of `WEB_CONCURRENCY` > 1: forks that many web processes (this same entry point, which
 * sees `cluster.isWorker` and only serves; see scripts/start.ts). They inherit the runtime environment the
 * launcher prepared (database URL, secrets) and share the port through node:cluster, which deals connections
 * out in turn. A web process that crashes later is replaced (unless they keep crashing); one that fails while
 * starting stops the launch.
 * Web processes also exit on their own if the launcher dies (node:cluster closes their channel), so a killed
 * launcher never leaves a server holding the port.
 */
export async function startWebCluster(processes: number): Promise<WebCluster> {
  let stopping = false;
  const crashes: number[] = [];

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      const onExit = (code: number | null, signal: string | null) =>
        reject(new StartupError(`A web server process exited while starting (${signal ?? `exit code ${code}`}).`, "See the messages above."));
      worker.once("exit", onExit);
      worker.once("listening", () => {
        worker.off("exit", onExit);
        worker.once("exit", (code, signal) => {
          if (stopping) return;
          const now = Date.now();
          crashes.push(now);
          while (crashes[0]! < now - 60_000) crashes.shift();
          const replacing = crashes.length <= MAX_CRASHES_PER_MINUTE;
          logger.error({ pid: worker.process.pid, code, signal, replacing }, "a web server process stopped");
          if (replacing) setTimeout(() => void fork().catch((err) => logger.error({ err: (err as Error).message }, "could not replace a web server process")), 500);
        });
        resolve(worker);
      });
    });

  const close = async (graceMs: number) => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w) && !w!.isDead());
    await Promise.all(
      running.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => w.process.kill("SIGKILL"), graceMs + 2_000);
            w.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            w.process.kill("SIGTERM"); // each closes its server, letting requests in progress finish
          }),
      ),
    );
  };

  try {
    await Promise.all(Array.from({ length: processes }, fork));
  } catch (err) {
    await close(2_000);
    throw err;
  }
  return { close };
}
