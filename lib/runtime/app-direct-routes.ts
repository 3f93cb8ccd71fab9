import "server-only";
import { apiDirectRoute } from "@/lib/api/direct-route";
import { API_ROUTES } from "@/lib/api/handlers";
import { DLR_PATH } from "@/lib/campaigns/delivery-url";
import { SHORT_LINK_ROUTE_KEY, shortLinkRoute } from "@/lib/links/short-link-route";
import { JOIN_POST_PATH } from "@/lib/signup/join-answer";
import { answerJoinPost, JOIN_BODY_LIMIT_BYTES } from "@/lib/signup/join-post";
import { answerCpsmsDeliveryReport } from "@/lib/sms/cpsms/delivery-webhook";
import type { DirectRoutes } from "./direct-routes";

/**
 * The paths the launcher answers before Next's router (see direct-routes.ts for why), each with the function its
 * route.ts answers with too.
 */
export const directRoutes: DirectRoutes = {
  // CPSMS delivery reports: everything is in the query string.
  [DLR_PATH]: { methods: ["GET", "POST"], maxBodyBytes: 0, answer: ({ query }) => answerCpsmsDeliveryReport(query) },
  // The public sign-up form's button.
  [JOIN_POST_PATH]: { methods: ["POST"], maxBodyBytes: JOIN_BODY_LIMIT_BYTES, answer: answerJoinPost },
  // Guests' short links (/l/<code>): a promotion's recipients open them together.
  [SHORT_LINK_ROUTE_KEY]: shortLinkRoute,
  // The REST API for reservation and till systems (/api/v1/...).
  ...Object.fromEntries(Object.keys(API_ROUTES).map((path) => [path, apiDirectRoute])),
};
