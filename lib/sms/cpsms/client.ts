import { resolveRetryOptions } from "../http/retry";
import { DEFAULT_TIMEOUT_MS } from "../http/transport";
import type { Balance, ClientTransportOptions, SmsProviderClient } from "../types";
import {
  type CpsmsLogFilter,
  type CpsmsLogResult,
  createCpsmsGetlog,
  createMemoryGetlogCache,
  type GetlogCache,
} from "./getlog";
import { type CpsmsGroupsApi, createCpsmsGroupsApi } from "./groups";
import { type CpsmsCall, createCpsmsHttp } from "./http";
import { CPSMS_DEFAULT_MAX_RECIPIENTS_PER_REQUEST, createCpsmsSending } from "./provider";
import { confirmationSchema, creditRawSchema, creditResponseSchema } from "./schemas";
import { CPSMS_REFERENCE_PATTERN, type CpsmsSendApi, createCpsmsSendApi } from "./send";

/** The live API. Never used by tests; the app passes it from its env module. */
export const CPSMS_PRODUCTION_BASE_URL = "https://api.cpsms.dk/v2";

export interface CpsmsClientOptions extends ClientTransportOptions {
  /** e.g. https://api.cpsms.dk/v2 or a sandbox's `url`. */
  baseUrl: string;
  username: string;
  apiKey: string;
  /** Clock for Retry-After dates and the getlog cache. */
  now?: () => number;
  getlogCache?: GetlogCache;
  maxRecipientsPerRequest?: number;
}

export interface CpsmsClient extends SmsProviderClient, CpsmsSendApi, CpsmsGroupsApi {
  readonly name: "cpsms";
  /** GET /creditvalue, parsed from Danish notation ("9.843,40" → 9843.4). */
  getCreditValue(): Promise<number>;
  /** DELETE /deletesms: cancels every pending scheduled SMS with this reference (only >10 minutes before send time). */
  deleteSms(reference: string): Promise<void>;
  /** GET /getlog through the 2-minute cache. */
  getLog(filter?: CpsmsLogFilter): Promise<CpsmsLogResult>;
}

/** Creates a CPSMS.dk v2 client. Credentials live only in this closure; nothing on the object exposes them. */
export function createCpsmsClient(options: CpsmsClientOptions): CpsmsClient {
  const now = options.now ?? Date.now;
  const http = createCpsmsHttp({
    baseUrl: options.baseUrl,
    username: options.username,
    apiKey: options.apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: resolveRetryOptions(options.retry),
    now,
  });
  const sendApi = createCpsmsSendApi(http);
  const sending = createCpsmsSending(sendApi, {
    maxRecipientsPerRequest: options.maxRecipientsPerRequest ?? CPSMS_DEFAULT_MAX_RECIPIENTS_PER_REQUEST,
    now,
  });
  const getLog = createCpsmsGetlog(http, {
    cache: options.getlogCache ?? createMemoryGetlogCache(),
    cacheKey: `cpsms:getlog:${options.username}`,
    now,
  });

  async function creditResponse() {
    const call: CpsmsCall = { operation: "creditvalue", method: "GET", path: "/creditvalue", kind: "read" };
    const response = await http.call(call);
    return {
      amount: http.parse(creditResponseSchema, response, call),
      raw: http.parse(creditRawSchema, response, call).credit,
    };
  }

  return {
    name: "cpsms",
    ...sendApi,
    ...createCpsmsGroupsApi(http),
    send: sending.send,
    sendBatch: sending.sendBatch,
    getLog,
    async getCreditValue() {
      return (await creditResponse()).amount;
    },
    async getBalance(): Promise<Balance> {
      const { amount, raw } = await creditResponse();
      return { amount, unlimited: false, unit: "points", raw };
    },
    async deleteSms(reference) {
      const call: CpsmsCall = {
        operation: "deletesms",
        method: "DELETE",
        path: "/deletesms",
        body: { reference },
        kind: "write",
      };
      if (!CPSMS_REFERENCE_PATTERN.test(reference)) {
        throw http.error(call, "validation", "The reference must be 1-32 characters of A-Z, a-z, 0-9, _ or -.");
      }
      http.parse(confirmationSchema, await http.call(call), call);
    },
  };
}
