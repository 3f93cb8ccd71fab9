import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { logger } from "@/lib/logger";

/** A request as a direct route sees it: the body read as text (within the route's limit). */
export type DirectRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's address as the server established it (the peer, or the trusted proxy's X-Forwarded-For). */
  clientAddress: string;
};

/**
 * A direct route's answer: a JSON body, an HTML page (`html`), or a redirect (`location`, with its status).
 * `headers` adds to ours (e.g. a problem+json content type, Retry-After).
 */
export type DirectAnswer = {
  status: number;
  body?: unknown;
  html?: string;
  location?: string;
  headers?: Record<string, string>;
};

export type DirectMethod = "GET" | "HEAD" | "POST";

export type DirectRoute = {
  methods: readonly DirectMethod[];
  /** Read the body up to this size (a larger one is refused with 413); 0: drained unread. */
  maxBodyBytes: number;
  answer: (request: DirectRequest) => Promise<DirectAnswer>;
  /** Calls that exercise the route's whole path and change nothing, made before the server opens (warm-up.ts). */
  warmUp?: WarmUp;
};

/** A made-up request, as a client would send it. */
export type WarmUpRequest = { method: DirectMethod; path: string; headers: Record<string, string>; body: string };

/**
 * How a route is warmed: `calls` made-up requests from `request(i)`, each answered with `expectStatus` (for
 * example an API call with a key nobody has: a 401 that ran every check and the database statement, and wrote
 * nothing). Any other answer stops that route's warm-up, so a request that could change something is never
 * repeated.
 */
export type WarmUp = { calls: number; expectStatus: number; request: (i: number) => WarmUpRequest };

/** By exact path, or `/<segment>/*` for every path under a segment (the short links, /l/<code>). */
export type DirectRoutes = Record<string, DirectRoute>;

/**
 * Answers a few hot paths straight from the HTTP server, before Next.js's router, with the same function their
 * route.ts answers with, minus 1.5 to 3.5 ms of framework work per request on two cores (routing, the proxy,
 * Request/Response objects). That matters where requests come in bursts: provider callbacks (a 10,000-recipient
 * send brings 10,000 delivery reports within a minute) and the public sign-up form (a room scanning the table
 * cards at once). Only the exact path and the listed methods; anything else goes on to Next.
 * Returns whether it took the request.
 */
export function serveDirectRoute(
  routes: DirectRoutes,
  req: IncomingMessage,
  res: ServerResponse,
  clientAddress = "unknown",
): boolean {
  const started = performance.now();
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const route = Object.hasOwn(routes, path) ? routes[path] : underSegment(routes, path);
  if (!route?.methods.includes(req.method as DirectMethod)) return false;
  const request = {
    method: req.method ?? "GET",
    path,
    query: new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1)),
    headers: req.headers,
    clientAddress,
  };
  req.on("error", () => {}); // a client hanging up mid-body is not an uncaught error
  if (route.maxBodyBytes === 0) {
    req.resume(); // a body, if any, is drained unread
    void respond(route, { ...request, body: "" }, res, started);
    return true;
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > route.maxBodyBytes) return refuseTooLarge(req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > route.maxBodyBytes) {
      req.removeAllListeners("data").removeAllListeners("end");
      refuseTooLarge(req, res);
    } else chunks.push(chunk);
  });
  req.on("end", () => void respond(route, { ...request, body: Buffer.concat(chunks).toString("utf8") }, res, started));
  return true;
}

/** The `/<segment>/*` route a path falls under, if any. */
function underSegment(routes: DirectRoutes, path: string): DirectRoute | undefined {
  const slash = path.indexOf("/", 1);
  if (slash === -1) return undefined;
  const key = `${path.slice(0, slash + 1)}*`;
  return Object.hasOwn(routes, key) ? routes[key] : undefined;
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): true {
  req.resume();
  if (!res.headersSent) send(res, 413, JSON.stringify({ error: "request body too large" }), { connection: "close" });
  return true;
}

async function respond(route: DirectRoute, request: DirectRequest, res: ServerResponse, started: number) {
  let answer: DirectAnswer;
  try {
    answer = await route.answer(request);
  } catch (err) {
    logger.error({ err: (err as Error).message, path: request.path }, "direct route failed");
    answer = { status: 500, body: { error: "internal error" } };
  }
  // The time this server spent on it, from the request's arrival to its answer (the browser's devtools show it;
  // the sign-up bench reads it).
  const timing = { "server-timing": `app;dur=${(performance.now() - started).toFixed(1)}` };
  if (answer.location) send(res, answer.status, "", { ...answer.headers, ...timing, location: answer.location });
  else if (answer.html !== undefined) {
    send(res, answer.status, answer.html, { "content-type": "text/html; charset=utf-8", ...answer.headers, ...timing });
  } else {
    const headers = { "content-type": "application/json", ...answer.headers, ...timing };
    send(res, answer.status, JSON.stringify(answer.body ?? {}), headers);
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
  res.writeHead(status, {
    "cache-control": "no-store",
    ...headers,
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  });
  res.end(body);
}
