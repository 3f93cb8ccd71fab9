import { apiDirectRoute } from "@/lib/api/direct-route";
import { directRouteHandler } from "@/lib/http/direct-route-handler";

export const dynamic = "force-dynamic";

// `npm start` answers this path before Next's router (lib/runtime/direct-routes.ts), with the same function.
const handle = directRouteHandler(apiDirectRoute);

// The REST API is authenticated by its bearer key alone (no cookie, so no cross-site request can ride on a
// session): no Origin check (SECURITY.md).
export const POST = handle;
export const GET = handle;
