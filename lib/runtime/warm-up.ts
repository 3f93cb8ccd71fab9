import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import pMap from "p-map";
import { logger } from "@/lib/logger";
import { type DirectRoutes, serveDirectRoute, type WarmUp, type WarmUpRequest } from "./direct-routes";

/** Calls in flight at once, as in a burst: the batch code is then warmed with batches of the usual size. */
const CONCURRENCY = 40;
/** A warm-up that takes longer than this (a stalled database) is given up; the server opens anyway. */
const DEADLINE_MS = 15_000;

/**
 * Warms the direct routes that declare a warm-up before this process takes requests. V8 optimises a function only
 * after it has run many times, and a new database connection prepares each statement on first use; so the first
 * burst after a start or a deploy (a till system flushing its backlog) met code running at several times its
 * usual cost, and its slowest calls waited behind that (bench `api.visits`). The calls go over real HTTP on a
 * private loopback port of this process only (`exclusive`: in a cluster worker the port is not shared), through
 * the same `serveDirectRoute` the public server uses, so the HTTP, body, checks, batching, database and answer
 * code all run. Never throws: a warm-up that fails or stalls only leaves the first calls slower.
 */
export async function warmUpDirectRoutes(routes: DirectRoutes, options: { deadlineMs?: number } = {}): Promise<void> {
  // Only the routes being warmed answer on the private port: it serves nothing else, not even for two seconds.
  const warmed: DirectRoutes = Object.fromEntries(Object.entries(routes).filter(([, route]) => route.warmUp));
  const warmUps = [...new Set(Object.values(warmed))].flatMap((r) => (r.warmUp ? [r.warmUp] : []));
  if (warmUps.length === 0) return;
  const started = performance.now();
  const server = http.createServer((req, res) => {
    if (!serveDirectRoute(warmed, req, res, "127.0.0.1")) res.writeHead(404).end();
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deadline = Date.now() + (options.deadlineMs ?? DEADLINE_MS);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: "127.0.0.1", port: 0, exclusive: true }, resolve);
    });
    const { port } = server.address() as AddressInfo;
    for (const warmUp of warmUps) await warmRoute(warmUp, (r) => send(port, agent, r, deadline), deadline);
    logger.debug({ ms: Math.round(performance.now() - started) }, "direct routes warmed up");
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "warm-up stopped early; the first calls may be slower");
  } finally {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  }
}

/** Makes the route's calls, CONCURRENCY at a time; the first unexpected answer, error or the deadline stops it. */
async function warmRoute(warmUp: WarmUp, call: (r: WarmUpRequest) => Promise<number>, deadline: number) {
  await pMap(
    Array.from({ length: warmUp.calls }, (_, i) => i),
    async (i) => {
      if (Date.now() > deadline) throw new Error("it took too long");
      const status = await call(warmUp.request(i));
      if (status !== warmUp.expectStatus) throw new Error(`a call was answered ${status}, not ${warmUp.expectStatus}`);
    },
    { concurrency: CONCURRENCY },
  );
}

function send(port: number, agent: http.Agent, r: WarmUpRequest, deadline: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, agent, method: r.method, path: r.path, headers: r.headers },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    req.once("error", reject);
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(new Error("it took too long")));
    req.end(r.body);
  });
}
