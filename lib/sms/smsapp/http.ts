import type { z } from "zod";
import { ProviderError, type ProviderErrorCode } from "../errors";
import { parseResponse } from "../http/parse";
import { redactSecrets } from "../http/redact";
import { type CallKind, type ResolvedRetryOptions, withRetry } from "../http/retry";
import { classifyHttpStatus } from "../http/status";
import { type HttpMethod, parseRetryAfter, performRequest, tryParseJson } from "../http/transport";
import { classifySmsappMessage, isSmsappRouteMiss } from "./messages-catalogue";
import { envelopeSchema } from "./schemas";

export interface SmsappHttpConfig {
  baseUrl: string;
  apiToken: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  now: () => number;
}

export interface SmsappCall {
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, segments already encoded, e.g. "/sms/606812e63f78b". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  kind: CallKind;
}

export interface SmsappResponse {
  status: number;
  message: string | null;
  data: unknown;
}

export interface SmsappHttp {
  call(call: SmsappCall): Promise<SmsappResponse>;
  parse<S extends z.ZodType>(schema: S, response: SmsappResponse, call: SmsappCall): z.output<S>;
  error(call: SmsappCall, code: ProviderErrorCode, detail: string): ProviderError;
}

const PROVIDER = "smsapp" as const;
const ROUTE_MISS_DETAIL = "smsapp.pk has no such API address; check the smsapp.pk address the app is set up with.";

/**
 * Bearer-auth JSON transport for the Ultimate SMS v3 API. `Accept: application/json` is always sent: without it
 * a bad token yields an HTML page instead of JSON. Errors are recognised by HTTP status *and* by
 * `status:"error"` in a 200 body.
 */
export function createSmsappHttp(config: SmsappHttpConfig): SmsappHttp {
  const secrets = [config.apiToken];
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const transport = { fetch: config.fetch, timeoutMs: config.timeoutMs };

  async function attempt(call: SmsappCall): Promise<SmsappResponse> {
    const hasBody = call.body !== undefined;
    const response = await performRequest(transport, {
      provider: PROVIDER,
      operation: call.operation,
      method: call.method,
      url: `${baseUrl}${call.path}${queryString(call.query)}`,
      headers: {
        Authorization: `Bearer ${config.apiToken}`,
        Accept: "application/json",
        ...(hasBody ? { "Content-Type": "application/json; charset=utf-8" } : {}),
      },
      body: hasBody ? JSON.stringify(call.body) : undefined,
    });
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), config.now());
    const envelope = envelopeSchema.safeParse(tryParseJson(response.text));
    const ok = response.status >= 200 && response.status < 300;
    if (ok && envelope.success && envelope.data.status === "success") {
      return { status: response.status, message: envelope.data.message ?? null, data: envelope.data.data ?? null };
    }
    if (ok && !envelope.success) {
      throw fail(
        call,
        response.status,
        "bad_response",
        { retryable: false, mayHaveBeenAccepted: true },
        null,
        "response was not the JSON envelope",
      );
    }
    const message = envelope.success ? (envelope.data.message ?? null) : null;
    const byStatus = classifyHttpStatus(ok ? 400 : response.status, retryAfterMs !== null);
    // The provider's wording is more precise than its status codes (business errors come as 200, 403 or 404).
    const byMessage = message !== null ? classifySmsappMessage(message) : null;
    const routeMissing = response.status === 404 && !envelope.success;
    const code =
      response.status >= 500 || routeMissing
        ? byStatus.code
        : (byMessage ?? fallbackCode(response.status, byStatus.code));
    const retryable = code === "rate_limited" || byStatus.retryable;
    const detail = message !== null && isSmsappRouteMiss(message) ? ROUTE_MISS_DETAIL : null;
    throw fail(
      call,
      response.status,
      code,
      { retryable, mayHaveBeenAccepted: byStatus.mayHaveBeenAccepted },
      retryAfterMs,
      detail,
      message,
    );
  }

  function fail(
    call: SmsappCall,
    httpStatus: number,
    code: ProviderErrorCode,
    flags: { retryable: boolean; mayHaveBeenAccepted: boolean },
    retryAfterMs: number | null,
    detail: string | null,
    message: string | null = null,
  ): ProviderError {
    return new ProviderError({
      provider: PROVIDER,
      operation: call.operation,
      httpStatus,
      code,
      ...flags,
      retryAfterMs,
      detail,
      providerMessage: message === null ? null : redactSecrets(message, secrets).slice(0, 500),
    });
  }

  return {
    call: (call) => withRetry(call.kind, config.retry, () => attempt(call)),
    parse: (schema, response, call) =>
      parseResponse(schema, response.data, {
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

/** An error envelope whose wording we do not recognise: 403 = permissions, 404/200 = a refused request. */
function fallbackCode(status: number, byStatus: ProviderErrorCode): ProviderErrorCode {
  if (status === 403) return "forbidden";
  if (status === 404 || (status >= 200 && status < 300)) return "validation";
  return byStatus;
}

function queryString(query: SmsappCall["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
