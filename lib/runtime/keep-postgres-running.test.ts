import { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/support/free-port";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { keepPostgresRunning } from "./keep-postgres-running";
import type { StartupError } from "./startup-error";

/** A stand-in for EmbeddedPostgres whose "server" exits when told to and fails to start when told to. */
function fakeServer(startFails = false) {
  const server = {
    process: undefined as (EventEmitter & { pid: number; exitCode: number | null; signalCode: null }) | undefined,
    starts: 0,
    stops: 0,
    async start() {
      server.starts++;
      if (startFails) throw new Error("could not start");
      server.process = Object.assign(new EventEmitter(), {
        pid: 1000 + server.starts,
        exitCode: null,
        signalCode: null,
      });
    },
    async stop() {
      server.stops++;
    },
    die() {
      server.process!.exitCode = 1;
      server.process!.emit("exit", 1, null);
    },
  };
  return server;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe("keepPostgresRunning", () => {
  it("starts the server again when it stops on its own, and not when it is stopped", async () => {
    const server = fakeServer();
    await server.start();
    const gaveUp: StartupError[] = [];
    const running = keepPostgresRunning(server, {
      recentLogs: () => [],
      onGiveUp: (e) => gaveUp.push(e),
      restartAfterMs: 1,
    });
    server.die();
    await settle();
    expect(server.starts).toBe(2);
    server.die(); // the new process is watched too
    await settle();
    expect(server.starts).toBe(3);
    await running.stop();
    expect(server.stops).toBe(1);
    server.process!.emit("exit", 0, null); // the stop's own exit
    await settle();
    expect(server.starts).toBe(3);
    expect(gaveUp).toEqual([]);
  });

  it("gives up with the server's last messages when it keeps failing, and its stop doesn't wait on a dead server", async () => {
    const server = fakeServer(false);
    await server.start();
    const gaveUp: StartupError[] = [];
    const running = keepPostgresRunning(server, {
      recentLogs: () => ["FATAL:  could not write to file: No space left on device"],
      onGiveUp: (e) => gaveUp.push(e),
      restartAfterMs: 1,
    });
    for (let i = 0; i < 6; i++) {
      server.die();
      await settle();
    }
    expect(server.starts).toBe(6); // the first start and five restarts
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]!.message).toMatch(/stopped more than 5 times within a minute/);
    expect(gaveUp[0]!.hint).toMatch(/No space left on device/);
    await running.stop();
    expect(server.stops).toBe(0);
  });

  it("counts a restart that fails as another stop", async () => {
    const server = fakeServer(true);
    server.process = Object.assign(new EventEmitter(), { pid: 1, exitCode: null, signalCode: null });
    const gaveUp: StartupError[] = [];
    keepPostgresRunning(server, { recentLogs: () => [], onGiveUp: (e) => gaveUp.push(e), restartAfterMs: 1 });
    server.die();
    await new Promise((r) => setTimeout(r, 200));
    expect(server.starts).toBe(5);
    expect(gaveUp).toHaveLength(1);
  });
});

describe("the built-in database under the launcher", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keep-pg-"));
  fs.chmodSync(dir, 0o755); // as root, Postgres runs as 'postgres' and must reach it
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is back, with its data, a moment after its server is killed", async () => {
    const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password: "keep-running-test" });
    try {
      const query = async (sql: string) => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      };
      await query("create table kept (n int); insert into kept values (42)");
      const pid = Number(fs.readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      let rows: unknown[] | undefined;
      for (let i = 0; i < 60 && !rows; i++) {
        await new Promise((r) => setTimeout(r, 500));
        rows = await query("select n from kept").catch(() => undefined);
      }
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await db.stop();
    }
  }, 60_000);
});
