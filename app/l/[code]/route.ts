import { directRouteHandler } from "@/lib/http/direct-route-handler";
import { shortLinkRoute } from "@/lib/links/short-link-route";

export const dynamic = "force-dynamic";

// `npm start` answers /l/<code> before Next's router (lib/runtime/direct-routes.ts), with the same function.
const handle = directRouteHandler(shortLinkRoute);

export const GET = handle;
export const HEAD = handle;
