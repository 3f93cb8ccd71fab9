import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getBackgroundDb, getPool } from "@/lib/db";
import { matchBackendPriority } from "./db-backend-priority";

/** The niceness of a local process, from /proc (field 19 of its stat line). */
function nicenessOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

// The test database is embedded Postgres on this machine, run by us (or, as root, by a user we may renice).
describe("database backends at a process's priority", () => {
  it("lowers the priority of the connection's own backend, and never raises it back", async () => {
    const client = await getPool().connect();
    try {
      const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
      const pid = rows[0]!.pid;
      const query = vi.spyOn(client, "query");
      matchBackendPriority(client, 7);
      expect(nicenessOf(pid)).toBe(7);
      // No query of its own: the pool hands a new client to its caller at once, and that caller's query must not
      // queue behind one (a deprecation warning in pg 8, an error in pg 9).
      expect(query).not.toHaveBeenCalled();
      matchBackendPriority(client, 0); // normal priority asks for nothing
      expect(nicenessOf(pid)).toBe(7);
    } finally {
      client.release(true); // a reniced backend is not handed back to the shared pool
    }
  });

  it("the background pool's backends run below normal priority", async () => {
    const db = getBackgroundDb();
    const { rows } = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    expect(nicenessOf(rows[0]!.pid)).toBeGreaterThanOrEqual(10); // reniced as the connection opened
  });
});
