import "server-only";
import http from "node:http";
import type { Socket } from "node:net";
import next from "next";
import { clientAddressFor, PEER_HEADER, peerKey, signPeer } from "@/lib/auth/forwarded-peer";
import { env } from "@/lib/env";
import { type DirectRoutes, serveDirectRoute } from "./direct-routes";
import { StartupError } from "./startup-error";
import { warmUpDirectRoutes } from "./warm-up";

export type RunningServer = { close: (graceMs: number) => Promise<void> };

/**
 * Serves the Next.js app from this process (the "custom server" mode), so the launcher, the in-process job
 * worker and the web server live and die together: killing the process can never leave a server behind.
 */
export async function serveNextApp(opts: {
  dir: string;
  port: number;
  host: string;
  dev: boolean;
  trustProxy: boolean;
  /** Paths answered before Next's router (provider callbacks, the sign-up form; see direct-routes.ts). */
  directRoutes?: DirectRoutes;
}): Promise<RunningServer> {
  const server = http.createServer();
  const app = next({ dev: opts.dev, dir: opts.dir, hostname: opts.host, port: opts.port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Before the port opens, so the first burst meets warm code (warm-up.ts); not in development, where every edit
  // reloads the code anyway.
  if (opts.directRoutes && !opts.dev) await warmUpDirectRoutes(opts.directRoutes);

  const key = peerKey(env().AUTH_SECRET);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("request", (req, res) => {
    // Next keeps a client-supplied X-Forwarded-For; unless a trusted proxy sets it, use the real peer address
    // so sign-in throttling can't be dodged by inventing addresses. An action Next forwards to another page
    // comes back over loopback: the signed address stamped here travels with it (lib/auth/forwarded-peer.ts).
    const clientAddress = clientAddressFor(req.headers, req.socket.remoteAddress, opts.trustProxy, key);
    if (clientAddress === null) {
      // Refused before Next sees it, so nothing else reads the body: drain it, and a client that hangs up
      // mid-body is not an uncaught error.
      req.on("error", () => {});
      req.resume();
      res.writeHead(403, { "content-type": "text/plain", connection: "close" }).end("Forbidden");
      return;
    }
    if (opts.directRoutes && serveDirectRoute(opts.directRoutes, req, res, clientAddress)) return;
    if (!opts.trustProxy || req.headers["x-action-forwarded"] !== undefined)
      req.headers["x-forwarded-for"] = clientAddress;
    req.headers[PEER_HEADER] = signPeer(clientAddress, key);
    void handle(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new StartupError(`Port ${opts.port} is already in use.`, "Set PORT to a free port.")
          : err,
      ),
    );
    server.listen(opts.port, opts.host, resolve);
  });

  return {
    async close(graceMs) {
      server.close();
      server.closeIdleConnections();
      const deadline = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, graceMs);
      await new Promise((r) => server.once("close", r));
      clearTimeout(deadline);
      await app.close().catch(() => {});
    },
  };
}
