import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { formatExpiry, formatUnits } from "./formats";
import { matchRoute, type SmsappAccount, type SmsappRoute } from "./route-table";
import { handleBulk } from "./routes-bulk";
import * as contacts from "./routes-contacts";
import { handleGet, handleList, handleSend } from "./routes-sms";
import type { SmsappSandboxState } from "./state";
import {
  errorPage,
  handlerError,
  isModelNotFound,
  methodNotAllowedMessage,
  ROUTE_NOT_FOUND_MESSAGE,
  success,
  unauthenticatedJson,
  wantsJson,
} from "./wire";

export type { SmsappAccount };

/**
 * routes/api.php of Ultimate SMS 3.1, in registration order, plus smsapp.pk's bulk endpoint. `contacts` is a
 * Laravel resource (index, store, update, destroy), so its update answers PUT as well as PATCH.
 */
const ROUTES: readonly SmsappRoute[] = [
  { methods: ["GET"], uri: "me", handle: (state, _request, _params, account) => profile(state, account) },
  { methods: ["GET"], uri: "balance", handle: (state, _request, _params, account) => balance(state, account) },
  { methods: ["POST"], uri: "contacts/{group_id}/all", handle: contacts.listContacts },
  { methods: ["POST"], uri: "contacts/{group_id}/search/{uid}", handle: contacts.searchContact },
  { methods: ["POST"], uri: "contacts/{group_id}/store", handle: contacts.storeContact },
  { methods: ["PATCH"], uri: "contacts/{group_id}/update/{uid}", handle: contacts.updateContact },
  { methods: ["DELETE"], uri: "contacts/{group_id}/delete/{uid}", handle: contacts.deleteContact },
  { methods: ["GET"], uri: "contacts", handle: contacts.listGroups },
  { methods: ["POST"], uri: "contacts", handle: contacts.createGroup },
  { methods: ["PUT", "PATCH"], uri: "contacts/{contact}", handle: contacts.updateGroup },
  { methods: ["DELETE"], uri: "contacts/{contact}", handle: contacts.deleteGroup },
  { methods: ["POST"], uri: "contacts/{group_id}/show", handle: contacts.showGroup },
  { methods: ["GET"], uri: "sms", handle: (state, request) => handleList(state, request) },
  { methods: ["POST"], uri: "sms/send", handle: (state, request) => handleSend(state, request) },
  { methods: ["POST"], uri: "sms/send-bulk-messages", handle: (state, request) => handleBulk(state, request) },
  { methods: ["GET"], uri: "sms/{uid}", handle: (state, _request, params) => handleGet(state, params.uid ?? "") },
];

/**
 * One /api/v3 request, in Laravel's order: routing (an unknown path or a wrong verb fails here, whatever the
 * token), then Sanctum auth, then route-model bindings, and only then the middleware that forces JSON. So the
 * client's own Accept header decides how the first three kinds of failure are rendered.
 */
export function routeSmsappRequest(
  state: SmsappSandboxState,
  request: SandboxRequest,
  account: SmsappAccount,
): SandboxResponse {
  const json = wantsJson(request.headers.accept);
  const match = matchRoute(ROUTES, request.method, request.segments);
  if (!match.found) {
    if (match.allowed.length > 0 && request.method === "OPTIONS")
      return { status: 200, text: "", headers: { Allow: match.allowed.join(",") } };
    if (!json) return errorPage(404);
    return handlerError(
      match.allowed.length > 0 ? methodNotAllowedMessage(request.method, match.allowed) : ROUTE_NOT_FOUND_MESSAGE,
    );
  }
  const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
  if (token !== state.options.apiToken) return json ? unauthenticatedJson(state.options.version) : errorPage(401);
  const response = match.found.handle(state, request, match.params, account);
  return !json && isModelNotFound(response) ? errorPage(500) : response;
}

/** What a request outside /api/v3 gets: no route matches it. */
export function routeOutsideApi(accept: string | undefined): SandboxResponse {
  return wantsJson(accept) ? handlerError(ROUTE_NOT_FOUND_MESSAGE) : errorPage(404);
}

function balance(state: SmsappSandboxState, account: SmsappAccount): SandboxResponse {
  return success(null, {
    remaining_unit: formatUnits(state.units),
    expired_on: formatExpiry(account.expiresAt, state.options.timezone),
  });
}

function profile(state: SmsappSandboxState, account: SmsappAccount): SandboxResponse {
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
