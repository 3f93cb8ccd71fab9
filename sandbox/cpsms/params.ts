import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { cpsmsError } from "./wire";

export type CpsmsParams = Record<string, unknown>;

/**
 * CPSMS takes either a JSON body (whatever the Content-Type) or GET-style parameters (path segments after the
 * method name, or the query string), never both. `pathNames` names the path segments in order.
 */
export function readParams(
  request: SandboxRequest,
  pathNames: readonly string[],
): { params: CpsmsParams } | { error: SandboxResponse } {
  const json = readJsonBody(request);
  if ("error" in json) return json;
  if (json.params !== null) return { params: json.params };
  const params: CpsmsParams = withoutEmptyStrings(Object.fromEntries(request.query));
  request.segments.slice(1).forEach((segment, i) => {
    const name = pathNames[i];
    if (name !== undefined) params[name] = segment;
  });
  return { params };
}

/**
 * An empty string means "not given": a widely used PHP client posts every option it was not handed as "" (and
 * CPSMS sends those), so `"timestamp":""` is no timestamp, not an invalid one. Required fields stay required.
 */
function withoutEmptyStrings(params: CpsmsParams): CpsmsParams {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== ""));
}

/** The JSON body as an object, or null when there is none. ISO-8859-1 requests are re-read as Latin-1. */
export function readJsonBody(request: SandboxRequest): { params: CpsmsParams | null } | { error: SandboxResponse } {
  const utf8 = request.rawBody.toString("utf8");
  if (utf8.trim() === "") return { params: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8);
  } catch {
    return { error: cpsmsError(400, "The request body is not valid JSON") };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { error: cpsmsError(400, "The request body must be a JSON object") };
  }
  if ((parsed as CpsmsParams).encoding === "ISO-8859-1") {
    try {
      parsed = JSON.parse(request.rawBody.toString("latin1"));
    } catch {
      return { error: cpsmsError(400, "The request body is not valid JSON") };
    }
  }
  return { params: withoutEmptyStrings(parsed as CpsmsParams) };
}

/** A positive integer parameter (ids arrive as numbers in JSON, strings in paths). */
export function intParam(value: unknown): number | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** A string or number parameter as text; null for anything else. */
export function stringParam(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}
