import { type ChildProcess, spawn } from "node:child_process";
import type { HandsetCounts } from "@/sandbox/shared/handsets";
import { SERVER_NODE_ARGS } from "@/scripts/server-node-args";

/**
 * `npm run sandbox` as its own process, so the provider emulators outlive app crashes (as real ones would).
 * `args` are its command-line flags (e.g. ["--smsapp-version", "3.7"]); `env` adds environment variables.
 */
export function startSandboxProcess(
  ports: { cpsms: number; smsapp: number },
  options: { args?: string[]; env?: Record<string, string> } = {},
) {
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, "scripts/sandbox.ts", ...(options.args ?? [])],
    {
      env: {
        ...process.env,
        CPSMS_SANDBOX_PORT: String(ports.cpsms),
        SMSAPP_SANDBOX_PORT: String(ports.smsapp),
        SANDBOX_DELIVERY_DELAY_MS: "3600000",
        LOG_LEVEL: "warn",
        ...options.env,
      } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return {
    child,
    output: () => output,
    async ready() {
      for (let i = 0; i < 100 && !output.includes("Handsets and controls"); i++)
        await new Promise((r) => setTimeout(r, 100));
      if (!output.includes("Handsets and controls")) throw new Error(`sandbox did not start:\n${output}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The control API of a sandbox on a port. */
export function sandboxControl(port: number) {
  const base = `http://127.0.0.1:${port}/_sandbox`;
  return {
    async handsets(): Promise<Record<string, unknown[]>> {
      return ((await (await fetch(`${base}/handsets`)).json()) as { handsets: Record<string, unknown[]> }).handsets;
    },
    /** Counts only (phones, messages, newest arrival), cheap to poll while thousands of messages arrive. */
    async received(): Promise<HandsetCounts> {
      return (await (await fetch(`${base}/received`)).json()) as HandsetCounts;
    },
    async fault(rule: object) {
      await fetch(`${base}/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(rule),
      });
    },
    async setBalance(balance: number) {
      await fetch(`${base}/balance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ balance }),
      });
    },
    async clearFaults() {
      await fetch(`${base}/faults`, { method: "DELETE" });
    },
  };
}
