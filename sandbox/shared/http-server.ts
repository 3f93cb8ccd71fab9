import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxClock } from "./clock";
import type { FaultAction, FaultRule, FaultStore } from "./faults";
import type { RequestLog } from "./request-log";

/** An API request after the sandbox plumbing has read it. */
export interface SandboxRequest {
  method: string;
  url: URL;
  /** Path below the API prefix, e.g. "/send". */
  path: string;
  /** Decoded path segments below the prefix, e.g. ["listcontacts", "12"]. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Set when a `recipient_failure` fault matched this request. */
  recipientFailure: { recipients: string[] | null; message: string | null } | null;
}

export interface SandboxResponse {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ControlRequest {
  method: string;
  /** Path below /_sandbox, e.g. "/handsets/4520202020". */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface SandboxServerConfig {
  host: string;
  port: number;
  apiPrefix: string;
  faults: FaultStore;
  requestLog: RequestLog;
  clock: SandboxClock;
  handleApi(request: SandboxRequest): Promise<SandboxResponse>;
  handleControl(request: ControlRequest): Promise<SandboxResponse>;
  /** The provider's own error body for a status (used by `status` faults without a body). */
  faultResponse(status: number): SandboxResponse;
  /** Answer for paths outside the API prefix (smsapp.pk renders it by the request's Accept header). */
  notFound(headers: IncomingHttpHeaders): SandboxResponse;
}

export interface RunningServer {
  port: number;
  origin: string;
  stop(): Promise<void>;
}

/** Starts an HTTP server that routes /_sandbox/* to the control API and the API prefix through fault rules. */
export async function startSandboxServer(config: SandboxServerConfig): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(config, req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, json: { error: "sandbox internal error" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://${config.host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(config: SandboxServerConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawBody = await readBody(req);
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? config.host}`);
  const pathname = url.pathname;

  if (pathname === "/_sandbox" || pathname.startsWith("/_sandbox/")) {
    const body = parseJsonOrNull(rawBody);
    return send(
      res,
      await config.handleControl({
        method,
        path: pathname.slice("/_sandbox".length) || "/",
        query: url.searchParams,
        body,
      }),
    );
  }
  if (pathname !== config.apiPrefix && !pathname.startsWith(`${config.apiPrefix}/`))
    return send(res, config.notFound(req.headers));

  const path = pathname.slice(config.apiPrefix.length) || "/";
  const entry = config.requestLog.add({
    atMs: config.clock.now(),
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
  });
  const rule = config.faults.take(method, [path, pathname]);
  if (rule) {
    entry.faultId = rule.id;
    entry.faultType = rule.fault?.type ?? "latency";
  }
  if (rule && rule.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));

  const disruptive = rule?.fault && rule.fault.type !== "recipient_failure" ? rule.fault : null;
  if (rule && disruptive && rule.phase === "before") return applyFault(config, res, disruptive, entry);

  const request: SandboxRequest = {
    method,
    url,
    path,
    segments: path.split("/").filter(Boolean).map(safeDecode),
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    recipientFailure: recipientFailureOf(rule),
  };
  const response = await config.handleApi(request);
  if (disruptive) return applyFault(config, res, disruptive, entry);
  entry.status = response.status;
  send(res, response);
}

function applyFault(
  config: SandboxServerConfig,
  res: ServerResponse,
  fault: FaultAction,
  entry: { status: number | null },
): void {
  switch (fault.type) {
    case "status": {
      const base =
        fault.body === undefined ? config.faultResponse(fault.status) : { status: fault.status, json: fault.body };
      const retryAfter: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {};
      entry.status = fault.status;
      send(res, {
        ...base,
        status: fault.status,
        headers: { ...base.headers, ...retryAfter, ...fault.headers },
      });
      return;
    }
    case "malformed":
      entry.status = 200;
      send(res, { status: 200, text: '{"status":"success","data":{"uid":"', contentType: "application/json" });
      return;
    case "reset":
      res.socket?.resetAndDestroy();
      return;
    case "hang":
      // Leave the socket open; the client's timeout (or stop()) ends it.
      return;
    case "recipient_failure":
      return;
  }
}

function recipientFailureOf(rule: FaultRule | null): SandboxRequest["recipientFailure"] {
  if (rule?.fault?.type !== "recipient_failure") return null;
  return { recipients: rule.fault.recipients ?? null, message: rule.fault.message ?? null };
}

function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.destroyed || res.headersSent) return;
  const isJson = response.json !== undefined;
  const body = isJson ? JSON.stringify(response.json) : (response.text ?? "");
  res.writeHead(response.status, {
    "Content-Type": response.contentType ?? (isJson ? "application/json; charset=utf-8" : "text/plain; charset=utf-8"),
    "Content-Length": Buffer.byteLength(body),
    ...response.headers,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJsonOrNull(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
