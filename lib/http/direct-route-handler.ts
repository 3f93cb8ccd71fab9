import "server-only";
import { clientAddressOf } from "@/lib/auth/credentials";
import type { DirectRoute } from "@/lib/runtime/direct-routes";

/**
 * A direct route (lib/runtime/direct-routes.ts) as a Next route handler, so its path answers the same when the
 * app is served some other way than by the launcher. Same body limit, same answer.
 */
export function directRouteHandler(route: DirectRoute) {
  return async (request: Request): Promise<Response> => {
    const declared = Number(request.headers.get("content-length") ?? 0);
    const body = route.maxBodyBytes === 0 ? "" : await request.text();
    if (declared > route.maxBodyBytes || Buffer.byteLength(body) > route.maxBodyBytes) {
      return Response.json({ error: "request body too large" }, { status: 413 });
    }
    const url = new URL(request.url);
    const answer = await route.answer({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(request.headers),
      body,
      clientAddress: clientAddressOf(request),
    });
    const headers = { "cache-control": "no-store" };
    if (answer.location)
      return new Response(null, { status: answer.status, headers: { ...headers, location: answer.location } });
    return Response.json(answer.body ?? {}, { status: answer.status, headers });
  };
}
