import { answerApiCall } from "./handlers";
import { problem } from "./problem";
import { MAX_API_BODY_BYTES } from "./types";

/**
 * Mounts an API path as a Next.js route handler (app/api/v1/…/route.ts): the Request in, the plain handler's
 * answer out. Reads at most MAX_API_BODY_BYTES (413 beyond). Cookies are never read: see SECURITY.md.
 */
export async function serveApiRoute(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  delete headers.cookie; // the API is authenticated by its key alone: a session must never stand in for one
  let body: Uint8Array = new Uint8Array();
  if (request.method !== "GET" && request.body) {
    const read = await readLimited(request.body);
    if (read === null) return toResponse(problem("payload-too-large", `At most ${MAX_API_BODY_BYTES} bytes.`));
    body = read;
  }
  return toResponse(await answerApiCall(path, { method: request.method, headers, body }));
}

async function readLimited(stream: ReadableStream<Uint8Array>): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_API_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function toResponse(answer: { status: number; headers: Record<string, string>; body: unknown }): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { ...answer.headers, "cache-control": answer.headers["cache-control"] ?? "no-store" },
  });
}
