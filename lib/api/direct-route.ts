import "server-only";
import type { DirectRoute } from "@/lib/runtime/direct-routes";
import { answerApiCall } from "./handlers";
import { MAX_API_BODY_BYTES } from "./types";
import { apiWarmUp } from "./warm-up-calls";

/**
 * An API path as a direct route (lib/runtime/direct-routes.ts): answered before Next's router by the launcher, and
 * by its route.ts otherwise (lib/http/direct-route-handler.ts). Cookies are dropped before the handler sees the
 * call: the API is authenticated by its bearer key alone, so a browser's session can never stand in for one.
 * Any other method than GET and POST goes on to the route.ts, whose handler answers 405.
 */
export const apiDirectRoute: DirectRoute = {
  methods: ["GET", "POST"],
  maxBodyBytes: MAX_API_BODY_BYTES,
  async answer({ path, method, headers, body }) {
    const plain: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (name !== "cookie" && value !== undefined) plain[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const answer = await answerApiCall(path, { method, headers: plain, body });
    return { status: answer.status, body: answer.body, headers: answer.headers };
  },
  warmUp: apiWarmUp,
};
