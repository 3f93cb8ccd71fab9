import "server-only";
import type { ChildProcess } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import { logger } from "@/lib/logger";
import { crashWindow, MAX_CRASHES_PER_MINUTE } from "./crash-window";
import { StartupError } from "./startup-error";

/** What this needs of an EmbeddedPostgres: starting it again, and stopping it. */
type Server = { start: () => Promise<void>; stop: () => Promise<void> };

/**
 * The postgres child process of an EmbeddedPostgres. The package keeps it in a private `process` field and
 * offers no exit event of its own; undefined if a later version keeps it elsewhere (a test pins this down).
 */
export function postgresChild(server: object): ChildProcess | undefined {
  const child = (server as { process?: Partial<ChildProcess> }).process;
  return child && typeof child.once === "function" && typeof child.pid === "number"
    ? (child as ChildProcess)
    : undefined;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Keeps the built-in database running under `npm start`: if its server stops on its own (killed, out of
 * memory), it is started again on the same files after a second (Postgres recovers from its log; the app's
 * connection pools and pg-boss reconnect by themselves), as supervise.ts does for the web processes. Before,
 * the app stayed up on a dead database, failing every page and retrying jobs for ever. If it keeps stopping
 * (more than MAX_CRASHES_PER_MINUTE times a minute: a full disk, a damaged data directory), `onGiveUp` is told,
 * with its last messages, and the launcher stops with a non-zero exit code for its supervisor to see.
 */
export function keepPostgresRunning(
  server: Server & object,
  options: { recentLogs: () => string[]; onGiveUp: (err: StartupError) => void; restartAfterMs?: number },
): { stop: () => Promise<void> } {
  let stopping = false;
  const crashes = crashWindow();

  const watch = () => {
    const child = postgresChild(server);
    if (!child) {
      logger.warn("the built-in database's process can't be watched: it won't be restarted if it stops");
      return;
    }
    child.once("exit", (code, signal) => void restart({ code, signal }));
  };

  const restart = async (how: { code?: number | null; signal?: string | null; err?: string }) => {
    if (stopping) return;
    if (!crashes.crashed()) {
      options.onGiveUp(
        new StartupError(
          `The built-in database stopped more than ${MAX_CRASHES_PER_MINUTE} times within a minute, so the app stops too.`,
          `Its last messages:\n    ${options.recentLogs().slice(-8).join("\n    ")}`,
        ),
      );
      return;
    }
    logger.error(how, "the built-in database stopped; starting it again");
    await delay(options.restartAfterMs ?? 1_000);
    if (stopping) return;
    try {
      await server.start();
      logger.warn("the built-in database is running again");
      watch();
    } catch (err) {
      await restart({ err: String((err as Error | undefined)?.message ?? "it exited while starting") });
    }
  };

  watch();
  return {
    async stop() {
      stopping = true;
      const child = postgresChild(server);
      // A server that is gone already has nothing to stop (EmbeddedPostgres would wait for its exit for ever).
      if (child && exited(child)) return;
      await server.stop();
    },
  };
}
