import type { z } from "zod";
import { ProviderError, type ProviderErrorCode } from "../errors";
import type { ProviderName } from "../providers";
import { parseResponse } from "./parse";
import { redactSecrets } from "./redact";
import { type CallKind, type ResolvedRetryOptions, withRetry } from "./retry";
import { type HttpMethod, parseRetryAfter, performRequest, tryParseJson } from "./transport";

/** One call to a provider's JSON API, as its client describes it. */
export interface ProviderCall {
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, segments already encoded, e.g. "/sms/606812e63f78b". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  kind: CallKind;
}

/** Where and how patiently a client talks to its provider. */
export interface ProviderHttpConfig {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  now: () => number;
}

/** One HTTP answer, before the provider's own rules say whether it is a success. */
export interface ProviderAnswer {
  status: number;
  /** The body as JSON; undefined when it was not JSON. */
  json: unknown;
  retryAfterMs: number | null;
}

/** What a failed answer becomes; `message` is the provider's wording, scrubbed of secrets here. */
export type FailureInit = {
  httpStatus: number | null;
  code: ProviderErrorCode;
  retryable: boolean;
  mayHaveBeenAccepted: boolean;
  retryAfterMs?: number | null;
  detail?: string | null;
  message?: string | null;
};

/** What each provider supplies: its auth, its body encoding, and what its answers mean. */
export interface ProviderProtocol<C extends ProviderCall, R> {
  provider: ProviderName;
  /** Values that must never appear in an error (keys, tokens, the basic-auth string). */
  secrets: readonly string[];
  /** Authorization (and any other fixed) headers; `Accept: application/json` is always added after them. */
  headers: Record<string, string>;
  /** The request body and its content type; default JSON in UTF-8. */
  encodeBody?: (call: C, json: string) => { body: string | Uint8Array<ArrayBuffer>; contentType: string };
  /** A success as the client wants it, or a thrown `fail(...)`. */
  interpret: (call: C, answer: ProviderAnswer, fail: (init: FailureInit) => ProviderError) => R;
}

/** The transport a provider client is built on. */
export interface ProviderHttp<C extends ProviderCall, R> {
  /** Sends the call, repeating it only as its kind allows (`withRetry`). */
  call(call: C): Promise<R>;
  /** Validates data from an answer; an unexpected shape is a "bad_response" ProviderError. */
  parse<S extends z.ZodType>(schema: S, data: unknown, httpStatus: number, call: C): z.output<S>;
  /** A refusal decided on our side, before anything was sent. */
  error(call: C, code: ProviderErrorCode, detail: string): ProviderError;
}

/**
 * The one HTTP path both clients share: URL and query, headers, hard timeout, Retry-After, retry policy, secret
 * scrubbing and response validation. Each provider brings only its auth and what its answers mean.
 */
export function createProviderHttp<C extends ProviderCall, R>(
  config: ProviderHttpConfig,
  protocol: ProviderProtocol<C, R>,
): ProviderHttp<C, R> {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const transport = { fetch: config.fetch, timeoutMs: config.timeoutMs };
  const { provider, secrets } = protocol;

  const failFor =
    (call: C) =>
    ({ message, ...init }: FailureInit): ProviderError =>
      new ProviderError({
        provider,
        operation: call.operation,
        ...init,
        providerMessage: message == null ? null : redactSecrets(message, [...secrets]).slice(0, 500),
      });

  async function attempt(call: C): Promise<R> {
    const json = call.body === undefined ? undefined : JSON.stringify(call.body);
    const encoded =
      json === undefined
        ? undefined
        : (protocol.encodeBody?.(call, json) ?? { body: json, contentType: "application/json; charset=utf-8" });
    const response = await performRequest(transport, {
      provider,
      operation: call.operation,
      method: call.method,
      url: `${baseUrl}${call.path}${queryString(call.query)}`,
      headers: {
        ...protocol.headers,
        Accept: "application/json",
        ...(encoded ? { "Content-Type": encoded.contentType } : {}),
      },
      body: encoded?.body,
    });
    const answer = {
      status: response.status,
      json: tryParseJson(response.text),
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), config.now()),
    };
    return protocol.interpret(call, answer, failFor(call));
  }

  return {
    call: (call) => withRetry(call.kind, config.retry, () => attempt(call)),
    parse: (schema, data, httpStatus, call) =>
      parseResponse(schema, data, { provider, operation: call.operation, kind: call.kind, httpStatus }),
    error: (call, code, detail) =>
      new ProviderError({
        provider,
        operation: call.operation,
        code,
        retryable: false,
        mayHaveBeenAccepted: false,
        detail,
      }),
  };
}

function queryString(query: ProviderCall["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
