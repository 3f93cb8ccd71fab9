import type { z } from "zod";
import type { ProviderError, ProviderErrorCode } from "../errors";
import { createProviderHttp, type ProviderCall, type ProviderHttpConfig } from "../http/provider-http";
import { classifyHttpStatus } from "../http/status";
import { classifySmsappMessage, isSmsappRouteMiss } from "./messages-catalogue";
import { envelopeSchema } from "./schemas";

export interface SmsappHttpConfig extends ProviderHttpConfig {
  apiToken: string;
}

export type SmsappCall = ProviderCall;

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

const ROUTE_MISS_DETAIL = "smsapp.pk has no such API address; check the smsapp.pk address the app is set up with.";

/**
 * The Ultimate SMS v3 API over the shared transport: bearer auth; `Accept: application/json` (always sent by the
 * transport) matters here, as without it a bad token yields an HTML page instead of JSON. Errors are recognised
 * by HTTP status *and* by `status:"error"` in a 200 body.
 */
export function createSmsappHttp(config: SmsappHttpConfig): SmsappHttp {
  const http = createProviderHttp<SmsappCall, SmsappResponse>(config, {
    provider: "smsapp",
    secrets: [config.apiToken],
    headers: { Authorization: `Bearer ${config.apiToken}` },
    interpret(_call, answer, fail) {
      const envelope = envelopeSchema.safeParse(answer.json);
      const ok = answer.status >= 200 && answer.status < 300;
      if (ok && envelope.success && envelope.data.status === "success") {
        return { status: answer.status, message: envelope.data.message ?? null, data: envelope.data.data ?? null };
      }
      if (ok && !envelope.success) {
        throw fail({
          httpStatus: answer.status,
          code: "bad_response",
          retryable: false,
          mayHaveBeenAccepted: true,
          detail: "response was not the JSON envelope",
        });
      }
      const message = envelope.success ? (envelope.data.message ?? null) : null;
      const byStatus = classifyHttpStatus(ok ? 400 : answer.status, answer.retryAfterMs !== null);
      // The provider's wording is more precise than its status codes (business errors come as 200, 403 or 404).
      const byMessage = message !== null ? classifySmsappMessage(message) : null;
      const routeMissing = answer.status === 404 && !envelope.success;
      const code =
        answer.status >= 500 || routeMissing
          ? byStatus.code
          : (byMessage ?? fallbackCode(answer.status, byStatus.code));
      throw fail({
        httpStatus: answer.status,
        code,
        retryable: code === "rate_limited" || byStatus.retryable,
        mayHaveBeenAccepted: byStatus.mayHaveBeenAccepted,
        retryAfterMs: answer.retryAfterMs,
        detail: message !== null && isSmsappRouteMiss(message) ? ROUTE_MISS_DETAIL : null,
        message,
      });
    },
  });
  return {
    call: http.call,
    parse: (schema, response, call) => http.parse(schema, response.data, response.status, call),
    error: http.error,
  };
}

/** An error envelope whose wording we do not recognise: 403 = permissions, 404/200 = a refused request. */
function fallbackCode(status: number, byStatus: ProviderErrorCode): ProviderErrorCode {
  if (status === 403) return "forbidden";
  if (status === 404 || (status >= 200 && status < 300)) return "validation";
  return byStatus;
}
