import type { SandboxResponse } from "../shared/http-server";

/** Ultimate SMS's ApiResponser envelope. */
export function success(message: string | null, data: unknown): SandboxResponse {
  return { status: 200, json: { status: "success", message, data } };
}

/** A refused send or action: 404 in 3.1, 403 in ≥3.7. */
export function businessError(version: "3.1" | "3.7", message: string): SandboxResponse {
  return { status: version === "3.7" ? 403 : 404, json: { status: "error", message, data: null } };
}

/** Validation failures come back with HTTP 200 through the custom exception handler (3.1). */
export function validationError(): SandboxResponse {
  return { status: 200, json: { status: "error", message: "The given data was invalid." } };
}

/** Laravel route-model binding miss, with HTTP 200 like other handler-rendered errors. */
export function modelNotFound(model: "Reports" | "ContactGroups" | "Contacts", uid: string): SandboxResponse {
  return { status: 200, json: { status: "error", message: `No query results for model [App\\Models\\${model}] ${uid}` } };
}

/** Bad or missing token when the client asked for JSON. */
export function unauthenticatedJson(version: "3.1" | "3.7"): SandboxResponse {
  return { status: version === "3.7" ? 401 : 200, json: { status: "error", message: "Unauthenticated." } };
}

/** What a production Laravel install shows a client that did not ask for JSON. */
export function unauthenticatedHtml(): SandboxResponse {
  const text = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Unauthorized</title></head>
<body><div class="flex-center"><div class="code">401</div><div class="message">Unauthorized</div></div></body>
</html>
`;
  return { status: 401, text, contentType: "text/html; charset=UTF-8" };
}

/** Laravel's JSON 404 for an unknown route (no `status` field). */
export function routeNotFound(): SandboxResponse {
  return { status: 404, json: { message: "Not Found" } };
}

/** Laravel's 405 for a known path with the wrong verb. */
export function methodNotAllowed(method: string, allowed: string): SandboxResponse {
  return { status: 405, json: { message: `The ${method} method is not supported for this route. Supported methods: ${allowed}.` } };
}

/** Default body for an injected status fault. */
export function smsappFaultResponse(status: number): SandboxResponse {
  switch (status) {
    case 401:
      return { status, json: { status: "error", message: "Unauthenticated." } };
    case 402:
      return { status, json: { status: "error", message: "You have exceeded your sending limit.", data: null } };
    case 403:
      return { status, json: { status: "error", message: "Sorry, but you do not have permissions to access this page.", data: null } };
    case 404:
      return { status, json: { status: "error", message: "Invalid request", data: null } };
    case 429:
      return { status, json: { status: "error", message: "Too Many Attempts." } };
    case 503:
      return { status, json: { message: "Service Unavailable" } };
    default:
      return { status, json: status >= 500 ? { message: "Server Error" } : { status: "error", message: "Something went wrong. Please try again", data: null } };
  }
}
