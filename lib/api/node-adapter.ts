import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_ROUTES, answerApiCall } from "./handlers";
import { problem } from "./problem";
import { type ApiResponse, MAX_API_BODY_BYTES } from "./types";

/**
 * Answers a REST API call straight from node:http, before Next's router (about 3 ms of framework work per call
 * on two cores, most of the API's time in a burst): the direct mount for lib/runtime/http-server.ts. Takes only
 * /api/v1 paths this API serves; returns whether it took the request. Reads at most MAX_API_BODY_BYTES (413
 * beyond, the rest drained unread). Cookies are never passed on (see SECURITY.md).
 */
export function serveApiFromNode(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!Object.hasOwn(API_ROUTES, path)) return false;
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_API_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on("error", () => {}); // a client that hangs up mid-body
  req.on("end", () => {
    if (tooLarge) return send(res, problem("payload-too-large", `At most ${MAX_API_BODY_BYTES} bytes.`));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== "cookie" && value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    void answerApiCall(path, { method: req.method ?? "GET", headers, body: Buffer.concat(chunks) }).then((answer) =>
      send(res, answer),
    );
  });
  return true;
}

function send(res: ServerResponse, answer: ApiResponse) {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...answer.headers,
    "cache-control": answer.headers["cache-control"] ?? "no-store",
    "content-length": Buffer.byteLength(body),
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}
