import { type ChildProcess, spawn } from "node:child_process";
import { SERVER_NODE_ARGS } from "../../scripts/server-node-args";
import { E2E } from "./config";
import { waitForOutput } from "./wait";

export type Launcher = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts `npm start`'s launcher (scripts/start.ts) as its own process with the given environment. */
export function startLauncher(env: Record<string, string>): Launcher {
  let output = "";
  // node itself (not npx/npm wrappers) so that a signal reaches the launcher and SIGKILL kills exactly it.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
    env: { ...process.env, ...E2E.serverEnv, ADMIN_EMAIL: "", ADMIN_PASSWORD: "", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the launcher prints that it is ready, or fails with what it printed. */
export async function waitUntilReady(launcher: Launcher, timeoutMs = 120_000) {
  await waitForOutput(launcher.child, launcher.output, /is ready at/, { timeoutMs, what: "launcher" });
}
