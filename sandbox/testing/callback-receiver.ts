import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCallback {
  method: string;
  /** Path and query as received, e.g. "/dlr?msg=abc&status=1&receiver=4520202020". */
  url: string;
  query: Record<string, string>;
  body: string;
  atMs: number;
}

export interface CallbackReceiver {
  /** Base URL, e.g. http://127.0.0.1:5123 */
  url: string;
  received: ReceivedCallback[];
  /** Resolves once `count` callbacks arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  stop(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1 that records every request (stands in for the app's DLR webhook). */
export async function startCallbackReceiver(options: { status?: number } = {}): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        query: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString("utf8"),
        atMs: Date.now(),
      });
      res.writeHead(options.status ?? 200, { "Content-Type": "text/plain" });
      res.end("OK");
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} callbacks, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on (bound, read, released), for connection-refused tests. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
