import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "@/scripts/server-node-args";
import { freePort } from "@/tests/support/free-port";

// Each case runs the real launcher (`npm start`) and checks it stops before doing anything, with a message
// that names the problem. None of them gets as far as a build or a database.

function runLauncher(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const created: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cafe-start-"));
  created.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm start refuses bad setups with a specific message", () => {
  it("names invalid environment variables", async () => {
    const { code, output } = await runLauncher({
      PORT: "eighty",
      ADMIN_EMAIL: "nobody",
      WEB_CONCURRENCY: "0",
      DATA_DIR: tempDataDir(),
    });
    expect(code).toBe(1);
    expect(output).toContain("Cannot start: Invalid environment configuration");
    expect(output).toContain("PORT must be a port number");
    expect(output).toContain("ADMIN_EMAIL must be an email address");
    expect(output).toContain("WEB_CONCURRENCY must be at least 1");
    expect(output).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  });

  it("says which port is taken", async () => {
    const blocker = net.createServer().listen(0, "0.0.0.0");
    await new Promise((r) => blocker.once("listening", r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { code, output } = await runLauncher({ PORT: String(port), DATA_DIR: tempDataDir() });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("explains an unreachable DATABASE_URL without printing its password", async () => {
    const { code, output } = await runLauncher({
      PORT: String(await freePort()),
      DATABASE_URL: "postgres://cafe:hunter22secret@127.0.0.1:9/cafe",
      DATA_DIR: tempDataDir(),
    });
    expect(code).toBe(1);
    expect(output).toContain("Cannot reach the database in DATABASE_URL (postgres://cafe@127.0.0.1:9/cafe)");
    expect(output).not.toContain("hunter22secret");
  });

  it("names a data directory it cannot write", async () => {
    const file = path.join(tempDataDir(), "not-a-directory");
    fs.writeFileSync(file, "");
    const { code, output } = await runLauncher({ PORT: String(await freePort()), DATA_DIR: path.join(file, "data") });
    expect(code).toBe(1);
    expect(output).toContain(`DATA_DIR is not writable: ${path.join(file, "data")}`);
  });
});
