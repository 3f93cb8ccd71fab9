import { serveApiRoute } from "@/lib/api/route-adapter";

export const dynamic = "force-dynamic";

// The REST API is authenticated by its bearer key alone (no cookie, so no cross-site request can ride on a
// session): no Origin check (SECURITY.md). The same handler can be mounted before Next's router (lib/api/handlers.ts).
export const POST = serveApiRoute;
export const GET = serveApiRoute;
