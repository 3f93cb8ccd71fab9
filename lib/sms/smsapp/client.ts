import { chunk, isHardFailure } from "../batch";
import { isProviderError, type ProviderError } from "../errors";
import { resolveRetryOptions } from "../http/retry";
import { DEFAULT_TIMEOUT_MS } from "../http/transport";
import type { ClientTransportOptions, SmsProviderClient } from "../types";
import { createSmsappAccountApi, type SmsappAccountApi, type SmsappBalance } from "./account";
import { createSmsappContactsApi, type SmsappContactsApi } from "./contacts";
import { createSmsappHttp } from "./http";
import {
  createSmsappMessagesApi,
  SMSAPP_BULK_LIMIT,
  type SmsappBulkItem,
  type SmsappBulkResult,
  type SmsappMessagesApi,
} from "./messages";
import { createSmsappSending } from "./provider";
import { SMSAPP_DEFAULT_TIMEZONE } from "./schedule-time";

/** The live API. Never used by tests; the app passes it from its env module. */
export const SMSAPP_PRODUCTION_BASE_URL = "https://connect.smsapp.pk/api/v3";

export interface SmsappClientOptions extends ClientTransportOptions {
  /** e.g. https://connect.smsapp.pk/api/v3 or a sandbox's `url`. */
  baseUrl: string;
  apiToken: string;
  /** Used when a message has no `from`; also the sender bulk sends go out with (the account default). */
  defaultSenderId?: string;
  /** The account's timezone, used to write `schedule_time`. Default Asia/Karachi. */
  accountTimeZone?: string;
  now?: () => number;
}

export interface SmsappClient extends SmsProviderClient, SmsappMessagesApi, SmsappContactsApi, SmsappAccountApi {
  readonly name: "smsapp";
  getBalance(): Promise<SmsappBalance>;
  /**
   * Sends any number of bulk items in sequential chunks of 50. A chunk refused for its content fails alone;
   * an account or connection failure marks the remaining chunks "skipped".
   */
  sendBulkChunked(items: readonly SmsappBulkItem[]): Promise<SmsappBulkChunkResult[]>;
}

export type SmsappBulkChunkResult =
  | { status: "sent"; items: SmsappBulkItem[]; result: SmsappBulkResult }
  | { status: "failed"; items: SmsappBulkItem[]; error: ProviderError }
  | { status: "skipped"; items: SmsappBulkItem[]; reason: ProviderError };

/** Creates a smsapp.pk (Ultimate SMS v3) client. The token lives only in this closure. */
export function createSmsappClient(options: SmsappClientOptions): SmsappClient {
  const now = options.now ?? Date.now;
  const http = createSmsappHttp({
    baseUrl: options.baseUrl,
    apiToken: options.apiToken,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: resolveRetryOptions(options.retry),
    now,
  });
  const messages = createSmsappMessagesApi(http, { timeZone: options.accountTimeZone ?? SMSAPP_DEFAULT_TIMEZONE });
  const sending = createSmsappSending(messages, { defaultSenderId: options.defaultSenderId, now });

  return {
    name: "smsapp",
    ...messages,
    ...createSmsappContactsApi(http),
    ...createSmsappAccountApi(http),
    send: sending.send,
    sendBatch: sending.sendBatch,
    async sendBulkChunked(items) {
      const results: SmsappBulkChunkResult[] = [];
      let stop: ProviderError | null = null;
      for (const part of chunk(items, SMSAPP_BULK_LIMIT)) {
        if (stop) {
          results.push({ status: "skipped", items: part, reason: stop });
          continue;
        }
        try {
          results.push({ status: "sent", items: part, result: await messages.sendBulk(part) });
        } catch (error) {
          if (!isProviderError(error)) throw error;
          if (isHardFailure(error)) stop = error;
          results.push({ status: "failed", items: part, error });
        }
      }
      return results;
    },
  };
}
