import cluster, { type Worker } from "node:cluster";
import { logger } from "@/lib/logger";
import { StartupError } from "./startup-error";

export type WebCluster = { close: (graceMs: number) => Promise<void> };

/** A web process that dies this soon after starting is failing to start, not crashing: don't loop on it. */
const EARLY_EXIT_MS = 30_000;

/**
 * The launcher's side of `WEB_CONCURRENCY` > 1: forks that many web processes (this same entry point, which
 * sees `cluster.isWorker` and only serves; see scripts/start.ts). They inherit the runtime environment the
 * launcher prepared (database URL, secrets) and share the port through node:cluster, which deals connections
 * out in turn. A web process that crashes later is replaced; one that fails while starting stops the launch.
 * Web processes also exit on their own if the launcher dies (node:cluster closes their channel), so a killed
 * launcher never leaves a server holding the port.
 */
export async function startWebCluster(processes: number): Promise<WebCluster> {
  let stopping = false;
  const forkedAt = new Map<Worker, number>();

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      forkedAt.set(worker, Date.now());
      const onExit = (code: number | null, signal: string | null) =>
        reject(new StartupError(`A web server process exited while starting (${signal ?? `exit code ${code}`}).`, "See the messages above."));
      worker.once("exit", onExit);
      worker.once("listening", () => {
        worker.off("exit", onExit);
        worker.once("exit", (code, signal) => {
          if (stopping) return;
          const early = Date.now() - (forkedAt.get(worker) ?? 0) < EARLY_EXIT_MS;
          logger.error({ pid: worker.process.pid, code, signal, replacing: !early }, "a web server process stopped");
          if (!early) void fork().catch((err) => logger.error({ err: (err as Error).message }, "could not replace a web server process"));
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
