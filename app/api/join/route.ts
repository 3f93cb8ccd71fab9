import { directRouteHandler } from "@/lib/http/direct-route-handler";
import { directRoutes } from "@/lib/runtime/app-direct-routes";
import { JOIN_POST_PATH } from "@/lib/signup/join-answer";

export const dynamic = "force-dynamic";

// `npm start` answers this path before Next's router (lib/runtime/direct-routes.ts), with the same function;
// the Origin is checked there (lib/signup/join-post.ts).
export const POST = directRouteHandler(directRoutes[JOIN_POST_PATH]!);
