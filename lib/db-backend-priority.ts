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
export function matchBackendPriority(client: PoolClient, niceness = os.getPriority()): void {
  if (niceness === 0) return; // backends start at normal priority: nothing to do
  const { connection, processID: pid } = client as unknown as {
    connection?: { stream?: { localPort?: number } };
    processID?: number | null;
  };
  const localPort = connection?.stream?.localPort;
  if (!localPort) return; // a Unix socket or an unknown transport: leave it
  // The backend's pid as the server announced it when the connection opened (BackendKeyData), not a query: a
  // query here would still be running when the pool hands the new client to its first caller (pg 8 queues
  // that caller's query with a deprecation warning; pg 9 refuses it).
  if (!pid) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.startsWith("postgres") || !cmdline.includes(`(${localPort})`)) return;
    os.setPriority(pid, niceness);
  } catch {
    // Not on this machine, not Linux, or not ours to renice: the work just runs at normal priority.
  }
}
