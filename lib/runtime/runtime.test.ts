import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureWritableDataDir } from "./data-dir";
import { assertDatabaseReachable } from "./database-check";
import { acquireInstanceLock } from "./instance-lock";
import { assertPortFree } from "./port";
import { loadOrCreateSecrets } from "./secrets";
import { describeDatabaseUrl, StartupError } from "./startup-error";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cafe-runtime-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("startup checks", () => {
  it("creates the data directory, and names it when it can't be written", async () => {
    const dir = path.join(tempDir(), "nested", "data");
    await ensureWritableDataDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);

    const file = path.join(tempDir(), "a-file");
    fs.writeFileSync(file, "");
    const err = await ensureWritableDataDir(path.join(file, "data")).catch((e) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toMatch(/^DATA_DIR is not writable: .*a-file\/data \(ENOTDIR\)/);
  });

  it("keeps generated secrets across restarts, private to the owner", async () => {
    const dir = tempDir();
    const first = await loadOrCreateSecrets(dir);
    const second = await loadOrCreateSecrets(dir);
    expect(second).toEqual(first);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
  });

  it("refuses a port that is already taken", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const { port } = server.address() as net.AddressInfo;
    try {
      await expect(assertPortFree(port, "127.0.0.1")).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      server.close();
    }
  });

  it("explains an unreachable DATABASE_URL without revealing the password", async () => {
    const url = "postgres://cafe:s3cret-pass@127.0.0.1:1/cafe";
    const err = await assertDatabaseReachable(url).catch((e) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toContain("Cannot reach the database in DATABASE_URL (postgres://cafe@127.0.0.1:1/cafe)");
    expect(err.message).toContain("connection refused");
    expect(err.message).not.toContain("s3cret");
    expect(describeDatabaseUrl(url)).not.toContain("s3cret");
  });

  it("lets one launcher own a data directory and takes over a dead one's lock", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "app.pid"), "999999"); // a pid that isn't running
    const release = acquireInstanceLock(dir);
    expect(fs.readFileSync(path.join(dir, "app.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "app.pid"))).toBe(false);
  });
});
