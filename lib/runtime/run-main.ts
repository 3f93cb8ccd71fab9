import "server-only";
import { EnvError } from "@/lib/env";
import { StartupError } from "./startup-error";

export type OnShutdown = (hook: () => Promise<unknown>, name: string) => void;
/** Stops a running entry point on a failure it can't recover from: says why, then exits with code 1. */
export type Abort = (err: StartupError) => void;

/**
 * Runs a long-lived entry point (app or worker). Shutdown hooks run in reverse order of registration on
 * SIGINT/SIGTERM or after a startup failure; a second Ctrl-C forces an immediate exit. Startup problems are
 * printed as plain sentences, not stack traces.
 */
export function runMain(
  main: (onShutdown: OnShutdown, abort: Abort) => Promise<void>,
  /**
   * `child`: a process the launcher started and stops (web and job processes). Ctrl-C reaches the whole
   * terminal's process group, but only the launcher acts on it, stopping its children in order with SIGTERM;
   * a child that stopped by itself would look crashed and be replaced. It also prints nothing about signals.
   */
  options: { child?: boolean } = {},
) {
  const hooks: { hook: () => Promise<unknown>; name: string }[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const { hook, name } of hooks.reverse()) {
      try {
        await hook();
      } catch (err) {
        console.error(`While stopping the ${name}: ${(err as Error).message}`);
      }
    }
    process.exit(code);
  };

  if (options.child) process.on("SIGINT", () => {});
  for (const signal of options.child ? (["SIGTERM"] as const) : (["SIGINT", "SIGTERM"] as const)) {
    process.on(signal, () => {
      if (stopping) {
        console.error("Forced exit.");
        process.exit(130);
      }
      if (!options.child)
        console.log(
          `\n${signal === "SIGINT" ? "Ctrl-C" : signal} received: stopping cleanly (press Ctrl-C again to force)...`,
        );
      void shutdown(0);
    });
  }

  const abort: Abort = (err) => {
    if (stopping) return;
    console.error(`\nStopping: ${err.message}${err.hint ? `\n  ${err.hint}` : ""}\n`);
    void shutdown(1);
  };
  main((hook, name) => hooks.push({ hook, name }), abort).catch(async (err) => {
    console.error(`\n${formatStartupError(err)}\n`);
    await shutdown(1);
  });
}

/** The text printed for a failed start. */
export function formatStartupError(err: unknown): string {
  if (err instanceof StartupError) return `Cannot start: ${err.message}${err.hint ? `\n  ${err.hint}` : ""}`;
  if (err instanceof EnvError) return `Cannot start: ${err.message}\n  Fix these environment variables and try again.`;
  return `Cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}
