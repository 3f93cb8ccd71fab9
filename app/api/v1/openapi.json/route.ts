import { apiDirectRoute } from "@/lib/api/direct-route";
import { directRouteHandler } from "@/lib/http/direct-route-handler";

export const dynamic = "force-dynamic";

// `npm start` answers this path before Next's router (lib/runtime/direct-routes.ts), with the same function.
const handle = directRouteHandler(apiDirectRoute);

// The API's OpenAPI 3.1 document (public: it describes the API and holds no data).
export const GET = handle;
