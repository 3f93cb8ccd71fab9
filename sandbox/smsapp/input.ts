import type { SandboxRequest } from "../shared/http-server";

/** Laravel's $request->input(): query string merged with a JSON or form-encoded body. */
export function readInput(request: SandboxRequest): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(request.query);
  const text = request.rawBody.toString("utf8");
  if (text.trim() === "") return input;
  const type = request.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded"))
    return { ...input, ...Object.fromEntries(new URLSearchParams(text)) };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return { ...input, ...(parsed as Record<string, unknown>) };
  } catch {
    // Laravel ignores an unreadable body; required-field validation then fails.
  }
  return input;
}

/** The JSON body as-is (bulk sends post a bare array). */
export function readJson(request: SandboxRequest): unknown {
  try {
    return JSON.parse(request.rawBody.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** A string or number input as text; null for anything else. */
export function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}
