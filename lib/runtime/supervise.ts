import type { ChildProcess } from "node:child_process";
import { logger } from "@/lib/logger";
import { crashWindow, MAX_CRASHES_PER_MINUTE } from "./crash-window";
import { StartupError } from "./startup-error";

export type Supervised = { close: (graceMs: number) => Promise<void> };

/**
 * Starts `count` copies of a child process of the launcher (web processes, the job process), waits until each
 * says it is ready, and keeps them running: one that crashes later is replaced (unless they keep crashing);
 * one that fails while starting stops the launch. `close` stops them all with SIGTERM (so each finishes what
 * it is doing), then SIGKILL after the grace period.
 */
export async function supervise(
  name: string,
  count: number,
  start: () => { child: ChildProcess; ready: Promise<unknown> },
  /** Told when copies keep crashing and are no longer replaced: the launcher then stops (run-main.ts). */
  onGiveUp?: (err: StartupError) => void,
): Promise<Supervised> {
  let stopping = false;
  const running = new Set<ChildProcess>();
  const crashes = crashWindow();

  const launch = async () => {
    const { child, ready } = start();
    running.add(child);
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.once("exit", (code, signal) => resolve([code, signal])),
    );
    await Promise.race([
      ready,
      exited.then(([code, signal]) => {
        throw new StartupError(
          `The ${name} exited while starting (${signal ?? `exit code ${code}`}).`,
          "See the messages above.",
        );
      }),
    ]);
    void exited.then(([code, signal]) => {
      running.delete(child);
      if (stopping) return;
      const replacing = crashes.crashed();
      logger.error({ pid: child.pid, code, signal, replacing }, `the ${name} stopped`);
      if (!replacing)
        onGiveUp?.(new StartupError(`The ${name} crashed more than ${MAX_CRASHES_PER_MINUTE} times within a minute.`));
      if (replacing)
        setTimeout(
          () =>
            void launch().catch((err) =>
              logger.error({ err: (err as Error).message }, `could not restart the ${name}`),
            ),
          1_000,
        );
    });
  };

  const close = async (graceMs: number) => {
    stopping = true;
    await Promise.all(
      [...running].map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        return new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs + 2_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        });
      }),
    );
  };

  try {
    await Promise.all(Array.from({ length: count }, launch));
  } catch (err) {
    await close(2_000);
    throw err;
  }
  return { close };
}
