import type { z } from "zod";
import { ProviderError, type ProviderErrorCode } from "../errors";
import { parseResponse } from "../http/parse";
import { redactSecrets } from "../http/redact";
import { type CallKind, type ResolvedRetryOptions, withRetry } from "../http/retry";
import { classifyHttpStatus } from "../http/status";
import { type HttpMethod, parseRetryAfter, performRequest, tryParseJson } from "../http/transport";
import { requestErrorSchema } from "./schemas";

export interface CpsmsHttpConfig {
  baseUrl: string;
  username: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  now: () => number;
}

export interface CpsmsCall {
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, segments already encoded, e.g. "/listcontacts/12". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Send the JSON body as ISO-8859-1 bytes (for `encoding: "ISO-8859-1"`); default UTF-8. */
  latin1Body?: boolean;
  kind: CallKind;
  /** Error statuses this call handles itself (e.g. 409 = "nothing to return" on lists). */
  passThrough?: (status: number, body: unknown) => boolean;
  /** Call-specific meaning of a status, e.g. 406 on /getlog is the 2-minute limit. */
  statusCodes?: Partial<Record<number, ProviderErrorCode>>;
}

export interface CpsmsResponse {
  status: number;
  body: unknown;
}

export interface CpsmsHttp {
  call(call: CpsmsCall): Promise<CpsmsResponse>;
  parse<S extends z.ZodType>(schema: S, response: CpsmsResponse, call: CpsmsCall): z.output<S>;
  error(call: CpsmsCall, code: ProviderErrorCode, detail: string): ProviderError;
}

const PROVIDER = "cpsms" as const;

/** Basic-auth JSON transport for CPSMS v2: timeouts, retry policy, status mapping, secret scrubbing. */
export function createCpsmsHttp(config: CpsmsHttpConfig): CpsmsHttp {
  const basic = Buffer.from(`${config.username}:${config.apiKey}`, "utf8").toString("base64");
  const secrets = [config.apiKey, basic];
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const transport = { fetch: config.fetch, timeoutMs: config.timeoutMs };

  async function attempt(call: CpsmsCall): Promise<CpsmsResponse> {
    const hasBody = call.body !== undefined;
    const json = hasBody ? JSON.stringify(call.body) : undefined;
    const charset = call.latin1Body ? "iso-8859-1" : "utf-8";
    const response = await performRequest(transport, {
      provider: PROVIDER,
      operation: call.operation,
      method: call.method,
      url: `${baseUrl}${call.path}${queryString(call.query)}`,
      headers: {
        Authorization: `Basic ${basic}`,
        Accept: "application/json",
        ...(hasBody ? { "Content-Type": `application/json; charset=${charset}` } : {}),
      },
      body: json !== undefined && call.latin1Body ? Uint8Array.from(Buffer.from(json, "latin1")) : json,
    });
    const body = tryParseJson(response.text);
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), config.now());
    if (response.status >= 200 && response.status < 300) {
      if (body === undefined) throw badResponse(call, response.status, "response was not JSON");
      // One third-party mock shows a whole-request error with HTTP 200; honour it rather than report success.
      const embedded = embeddedError(body);
      if (embedded !== null && !call.passThrough?.(response.status, body)) {
        throw statusError(call, embedded.status, body, null);
      }
      return { status: response.status, body };
    }
    if (call.passThrough?.(response.status, body)) return { status: response.status, body };
    throw statusError(call, response.status, body, retryAfterMs);
  }

  function statusError(call: CpsmsCall, status: number, body: unknown, retryAfterMs: number | null): ProviderError {
    const base = classifyHttpStatus(status, retryAfterMs !== null);
    const code = call.statusCodes?.[status] ?? base.code;
    const message = errorMessage(body);
    return new ProviderError({
      provider: PROVIDER,
      operation: call.operation,
      httpStatus: status,
      code,
      retryable: base.retryable,
      mayHaveBeenAccepted: base.mayHaveBeenAccepted,
      retryAfterMs,
      providerMessage: message === null ? null : redactSecrets(message, secrets).slice(0, 500),
    });
  }

  function badResponse(call: CpsmsCall, status: number, detail: string): ProviderError {
    return new ProviderError({
      provider: PROVIDER,
      operation: call.operation,
      httpStatus: status,
      code: "bad_response",
      retryable: false,
      mayHaveBeenAccepted: true,
      detail,
    });
  }

  return {
    call: (call) => withRetry(call.kind, config.retry, () => attempt(call)),
    parse: (schema, response, call) =>
      parseResponse(schema, response.body, {
        provider: PROVIDER,
        operation: call.operation,
        kind: call.kind,
        httpStatus: response.status,
      }),
    error: (call, code, detail) =>
      new ProviderError({
        provider: PROVIDER,
        operation: call.operation,
        code,
        retryable: false,
        mayHaveBeenAccepted: false,
        detail,
      }),
  };
}

/** A `{"error":{code,message}}` body without per-recipient `to`; returns the HTTP status it stands for. */
function embeddedError(body: unknown): { status: number } | null {
  const parsed = requestErrorSchema.safeParse(body);
  if (!parsed.success || typeof body !== "object" || body === null || "success" in body) return null;
  const error = parsed.data.error;
  if (typeof error === "string") return { status: 400 };
  if (error.to !== undefined) return null;
  const code = Number(error.code ?? error.errorCode);
  return { status: Number.isInteger(code) && code >= 400 && code <= 599 ? code : 400 };
}

function errorMessage(body: unknown): string | null {
  const parsed = requestErrorSchema.safeParse(body);
  if (parsed.success) {
    const error = parsed.data.error;
    return typeof error === "string" ? error : (error.message ?? error.errMsg ?? null);
  }
  if (typeof body !== "object" || body === null) return null;
  if ("error" in body && Array.isArray(body.error)) {
    const first: unknown = body.error[0];
    if (typeof first === "object" && first !== null) {
      const entry = first as { errMsg?: unknown; message?: unknown };
      const text = entry.errMsg ?? entry.message;
      if (typeof text === "string") return text;
    }
  }
  if ("message" in body && typeof body.message === "string") return body.message;
  return null;
}

function queryString(query: CpsmsCall["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
