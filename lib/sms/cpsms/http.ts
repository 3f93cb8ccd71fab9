import type { z } from "zod";
import type { ProviderError, ProviderErrorCode } from "../errors";
import { createProviderHttp, type ProviderCall, type ProviderHttpConfig } from "../http/provider-http";
import { classifyHttpStatus } from "../http/status";
import { requestErrorSchema } from "./schemas";

export interface CpsmsHttpConfig extends ProviderHttpConfig {
  username: string;
  apiKey: string;
}

export interface CpsmsCall extends ProviderCall {
  /** Send the JSON body as ISO-8859-1 bytes (for `encoding: "ISO-8859-1"`); default UTF-8. */
  latin1Body?: boolean;
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

/** CPSMS v2 over the shared transport: basic auth, Latin-1 bodies on request, its error bodies and statuses. */
export function createCpsmsHttp(config: CpsmsHttpConfig): CpsmsHttp {
  const basic = Buffer.from(`${config.username}:${config.apiKey}`, "utf8").toString("base64");
  const http = createProviderHttp<CpsmsCall, CpsmsResponse>(config, {
    provider: "cpsms",
    secrets: [config.apiKey, basic],
    headers: { Authorization: `Basic ${basic}` },
    encodeBody: (call, json) =>
      call.latin1Body
        ? { body: Uint8Array.from(Buffer.from(json, "latin1")), contentType: "application/json; charset=iso-8859-1" }
        : { body: json, contentType: "application/json; charset=utf-8" },
    interpret(call, { status, json: body, retryAfterMs }, fail) {
      const statusError = (httpStatus: number, after: number | null) => {
        const base = classifyHttpStatus(httpStatus, after !== null);
        return fail({
          httpStatus,
          code: call.statusCodes?.[httpStatus] ?? base.code,
          retryable: base.retryable,
          mayHaveBeenAccepted: base.mayHaveBeenAccepted,
          retryAfterMs: after,
          message: errorMessage(body),
        });
      };
      if (status >= 200 && status < 300) {
        if (body === undefined) {
          const detail = "response was not JSON";
          throw fail({ httpStatus: status, code: "bad_response", retryable: false, mayHaveBeenAccepted: true, detail });
        }
        // One third-party mock shows a whole-request error with HTTP 200; honour it rather than report success.
        const embedded = embeddedError(body);
        if (embedded !== null && !call.passThrough?.(status, body)) throw statusError(embedded.status, null);
        return { status, body };
      }
      if (call.passThrough?.(status, body)) return { status, body };
      throw statusError(status, retryAfterMs);
    },
  });
  return {
    call: http.call,
    parse: (schema, response, call) => http.parse(schema, response.body, response.status, call),
    error: http.error,
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
