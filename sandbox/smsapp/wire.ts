import type { SandboxResponse } from "../shared/http-server";
import type { SmsappVersion } from "./options";

/** Ultimate SMS's ApiResponser envelope. */
export function success(message: string | null, data: unknown): SandboxResponse {
  return { status: 200, json: { status: "success", message, data } };
}

/** A refused send or action: 404 in 3.1, 403 in ≥3.7. */
export function businessError(version: SmsappVersion, message: string): SandboxResponse {
  return { status: version === "3.7" ? 403 : 404, json: { status: "error", message, data: null } };
}

/**
 * What Ultimate SMS's exception handler (app/Exceptions/Handler.php) renders for any exception when the request
 * wantsJson(): HTTP 200, `{status:"error", message: $exception->getMessage()}`, no `data`.
 */
export function handlerError(message: string): SandboxResponse {
  return { status: 200, json: { status: "error", message } };
}

/** Validation failures (a FormRequest's ValidationException, Laravel 8 wording). */
export function validationError(): SandboxResponse {
  return handlerError("The given data was invalid.");
}

const MODEL_NOT_FOUND = /^No query results for model /;

/** Laravel route-model binding miss (ModelNotFoundException). */
export function modelNotFound(model: "Reports" | "ContactGroups" | "Contacts", uid: string): SandboxResponse {
  return handlerError(`No query results for model [App\\Models\\${model}] ${uid}`);
}

/** True for a modelNotFound() answer (bindings run before the middleware that forces JSON). */
export function isModelNotFound(response: SandboxResponse): boolean {
  const message = (response.json as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && MODEL_NOT_FOUND.test(message);
}

/** Bad or missing token when the client asked for JSON. */
export function unauthenticatedJson(version: SmsappVersion): SandboxResponse {
  return version === "3.7"
    ? { status: 401, json: { status: "error", message: "Unauthenticated." } }
    : handlerError("Unauthenticated.");
}

/** Laravel 8's NotFoundHttpException for an unknown route carries no message at all. */
export const ROUTE_NOT_FOUND_MESSAGE = "";

/** Laravel 8's MethodNotAllowedHttpException message. */
export function methodNotAllowedMessage(method: string, allowed: readonly string[]): string {
  return `The ${method} method is not supported for this route. Supported methods: ${allowed.join(", ")}.`;
}

/**
 * The production error views a client that did not ask for JSON gets: `errors.401` for auth failures,
 * `errors.404` for every HttpException (unknown route and wrong verb alike), `errors.500` for a missing model.
 */
export function errorPage(status: 401 | 404 | 500): SandboxResponse {
  const title = { 401: "Unauthorized", 404: "Not Found", 500: "Server Error" }[status];
  const text = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body><div class="flex-center"><div class="code">${status}</div><div class="message">${title}</div></div></body>
</html>
`;
  return { status, text, contentType: "text/html; charset=UTF-8" };
}

/** Laravel's Request::wantsJson(): the first type of Accept, by quality, is JSON. */
export function wantsJson(accept: string | undefined): boolean {
  const types = (accept ?? "")
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.map((p) => /^q=([\d.]+)$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { type: type.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.type !== "")
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = types[0]?.type ?? "";
  return first.includes("/json") || first.includes("+json");
}

/** Default body for an injected status fault. */
export function smsappFaultResponse(status: number): SandboxResponse {
  switch (status) {
    case 401:
      return { status, json: { status: "error", message: "Unauthenticated." } };
    case 402:
      return { status, json: { status: "error", message: "You have exceeded your sending limit.", data: null } };
    case 403:
      return {
        status,
        json: { status: "error", message: "Sorry, but you do not have permissions to access this page.", data: null },
      };
    case 404:
      return { status, json: { status: "error", message: "Invalid request", data: null } };
    case 429:
      return { status, json: { status: "error", message: "Too Many Attempts." } };
    case 503:
      return { status, json: { message: "Service Unavailable" } };
    default:
      return {
        status,
        json:
          status >= 500
            ? { message: "Server Error" }
            : { status: "error", message: "Something went wrong. Please try again", data: null },
      };
  }
}
