import "server-only";
import fs from "node:fs";
import os from "node:os";
import type { PoolClient } from "pg";

/**
 * Gives a new connection's Postgres backend this process's scheduling priority (or `niceness`). The job process runs at the
 * lowest priority so pages come first (lib/runtime/job-process.ts), but the database work of a send (claims,
 * outcomes, timelines) ran in backends at normal priority and took the cores from page queries all the same.
 *
 * Only where the backend is a process on this machine that we may renice (embedded Postgres, or a local server
 * run by the same user): its command line must name this connection's own client port, so a backend id from a
 * server elsewhere (another host or container) never touches an unrelated local process. Anything else: no-op.
 */
export async function matchBackendPriority(client: PoolClient, niceness = os.getPriority()): Promise<void> {
  if (niceness === 0) return; // backends start at normal priority: nothing to do
  const localPort = (client as unknown as { connection?: { stream?: { localPort?: number } } }).connection?.stream
    ?.localPort;
  if (!localPort) return; // a Unix socket or an unknown transport: leave it
  const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
  const pid = rows[0]?.pid;
  if (!pid) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.startsWith("postgres") || !cmdline.includes(`(${localPort})`)) return;
    os.setPriority(pid, niceness);
  } catch {
    // Not on this machine, not Linux, or not ours to renice: the work just runs at normal priority.
  }
}
