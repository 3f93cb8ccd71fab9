import "server-only";
import { clientAddressOf } from "@/lib/auth/credentials";
import type { DirectRoute } from "@/lib/runtime/direct-routes";

/**
 * A direct route (lib/runtime/direct-routes.ts) as a Next route handler, so its path answers the same when the
 * app is served some other way than by the launcher. Same body limit (read no further than it), same answer.
 */
export function directRouteHandler(route: DirectRoute) {
  return async (request: Request): Promise<Response> => {
    const body = route.maxBodyBytes === 0 || !request.body ? "" : await readLimited(request.body, route.maxBodyBytes);
    if (body === null) return Response.json({ error: "request body too large" }, { status: 413 });
    const url = new URL(request.url);
    const answer = await route.answer({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(request.headers),
      body,
      clientAddress: clientAddressOf(request),
    });
    const headers = { "cache-control": "no-store", ...answer.headers };
    if (answer.location) {
      return new Response(null, { status: answer.status, headers: { ...headers, location: answer.location } });
    }
    if (answer.html !== undefined) {
      return new Response(request.method === "HEAD" ? null : answer.html, {
        status: answer.status,
        headers: { "content-type": "text/html; charset=utf-8", ...headers },
      });
    }
    return new Response(JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { "content-type": "application/json", ...headers },
    });
  };
}

/** The body as text, or null once it grows past `limit` bytes (the rest is not read). */
async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
