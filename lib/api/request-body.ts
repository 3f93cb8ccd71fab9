import { createHash } from "node:crypto";
import type { z } from "zod";
import { fieldProblems, problem } from "./problem";
import { type ApiRequest, type ApiResponse, MAX_API_BODY_BYTES } from "./types";

type Parsed<T> = { ok: true; value: T; raw: unknown } | { ok: false; response: ApiResponse };

/**
 * Reads a JSON body against its schema: the size limit (413), JSON only (415), well-formed (400), and every
 * invalid field with its path (422).
 */
export function readJsonBody<S extends z.ZodType>(req: ApiRequest, schema: S): Parsed<z.infer<S>> {
  const bytes = typeof req.body === "string" ? Buffer.byteLength(req.body) : req.body.byteLength;
  if (bytes > MAX_API_BODY_BYTES)
    return { ok: false, response: problem("payload-too-large", `At most ${MAX_API_BODY_BYTES} bytes.`) };
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json")
    return { ok: false, response: problem("unsupported-media-type", "Send `Content-Type: application/json`.") };
  let raw: unknown;
  try {
    raw = JSON.parse(
      typeof req.body === "string" ? req.body : new TextDecoder("utf-8", { fatal: true }).decode(req.body),
    );
  } catch {
    return { ok: false, response: problem("malformed-json", "The body could not be read as UTF-8 JSON.") };
  }
  const result = schema.safeParse(raw);
  if (!result.success)
    return {
      ok: false,
      response: problem("validation-failed", "Some fields are invalid; see `errors`.", {
        errors: fieldProblems(result.error.issues),
      }),
    };
  return { ok: true, value: result.data, raw };
}

/** Idempotency-Key: printable ASCII, 1–255 characters (a UUID is the usual choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The call's Idempotency-Key (null when not sent), or a 422 when it is malformed. */
export function readIdempotencyKey(
  req: ApiRequest,
): { ok: true; key: string | null } | { ok: false; response: ApiResponse } {
  const key = req.headers["idempotency-key"];
  if (key === undefined) return { ok: true, key: null };
  if (IDEMPOTENCY_KEY.test(key)) return { ok: true, key };
  return {
    ok: false,
    response: problem("validation-failed", "The Idempotency-Key header is invalid.", {
      errors: [{ path: "headers.idempotency-key", message: "1 to 255 printable ASCII characters, e.g. a UUID." }],
    }),
  };
}

/** JSON with object keys sorted, so the same request written in another key order or spacing hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** What "the same request" means for an idempotency key: the route and the body's content. */
export function requestHash(route: string, raw: unknown): string {
  return createHash("sha256").update(route).update("\n").update(canonical(raw)).digest("hex");
}
