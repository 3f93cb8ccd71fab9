import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { formatExpiry, formatUnits } from "./formats";
import { handleBulk } from "./routes-bulk";
import { handleContacts } from "./routes-contacts";
import { handleGet, handleList, handleSend } from "./routes-sms";
import type { SmsappSandboxState } from "./state";
import { methodNotAllowed, routeNotFound, success, unauthenticatedHtml, unauthenticatedJson } from "./wire";

export interface SmsappAccount {
  expiresAt: Date;
  userUid: string;
}

/**
 * Authenticates (Sanctum bearer token) and dispatches one /api/v3 request. Auth runs before the middleware that
 * forces JSON, so a client that omits `Accept: application/json` gets an HTML 401 page.
 */
export function routeSmsappRequest(state: SmsappSandboxState, request: SandboxRequest, account: SmsappAccount): SandboxResponse {
  const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
  if (token !== state.options.apiToken) {
    return wantsJson(request.headers.accept) ? unauthenticatedJson(state.options.version) : unauthenticatedHtml();
  }
  const [first, second, ...rest] = request.segments;
  const m = request.method;
  if (first === "sms") {
    if (second === undefined) return m === "GET" ? handleList(state, request) : methodNotAllowed(m, "GET, HEAD");
    if (rest.length > 0) return routeNotFound();
    if (m === "POST" && second === "send") return handleSend(state, request);
    if (m === "POST" && second === "send-bulk-messages") return handleBulk(state, request);
    return m === "GET" ? handleGet(state, second) : methodNotAllowed(m, "GET, HEAD");
  }
  if (first === "balance" && second === undefined) {
    if (m !== "GET") return methodNotAllowed(m, "GET, HEAD");
    const remaining = formatUnits(state.units);
    return success(null, { remaining_unit: remaining, expired_on: formatExpiry(account.expiresAt, state.options.timezone) });
  }
  if (first === "me" && second === undefined) {
    if (m !== "GET") return methodNotAllowed(m, "GET, HEAD");
    return success(null, {
      uid: account.userUid,
      api_token: state.options.apiToken,
      first_name: "Sandbox",
      last_name: "Restaurant",
      email: "owner@sandbox.invalid",
      locale: "en",
      timezone: state.options.timezone,
      last_access_at: new Date(state.clock.now()).toISOString(),
    });
  }
  if (first === "contacts") return handleContacts(state, request);
  return routeNotFound();
}

/** Laravel's Request::wantsJson(). */
function wantsJson(accept: string | undefined): boolean {
  return accept !== undefined && /\/json|\+json/i.test(accept);
}
