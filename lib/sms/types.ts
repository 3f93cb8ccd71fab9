import type { ProviderError } from "./errors";

import type { ProviderName } from "./providers";

export type { ProviderName };

/** One text to one phone number, as the app hands it to a provider client. */
export interface OutboundSms {
  /** Recipient with country code; a leading "+" or "00" and spaces are removed before sending. */
  to: string;
  text: string;
  /** Sender name or number; the account default when omitted. */
  from?: string;
  /** Our own id for this message (CPSMS `reference`, ≤32 of [A-Za-z0-9_-]); smsapp.pk has no such field. */
  reference?: string;
  /** Delivery-report callback, passed through untouched (CPSMS only; smsapp.pk has no webhooks). */
  dlrUrl?: string;
  /** Provider-side scheduling; omitted = send now. */
  sendAt?: Date;
  /** Segments, when the caller already counted them (campaign rows do): saves recounting every message. */
  segments?: number;
}

/** What the provider told us after accepting one recipient. */
export interface SendReceipt {
  to: string;
  /** smsapp.pk `uid` for single sends; CPSMS returns no id (use `reference`). */
  providerMessageId: string | null;
  reference: string | null;
  segments: number;
  /** Provider units charged (CPSMS points, smsapp.pk units); null when the provider did not say. */
  cost: number | null;
  /**
   * The sender the provider says it used; null when its answer doesn't say (CPSMS: the account default when we
   * named none; smsapp.pk bulk sends without SMS objects in the answer). Read later from its log or history.
   */
  sender: string | null;
  scheduled: boolean;
}

/** A recipient the provider refused inside an otherwise accepted request (CPSMS 207, smsapp bulk skips). */
export interface RecipientRejection {
  to: string;
  code: string | null;
  message: string;
}

/** Outcome of one message in a batch. "skipped" means it was never sent because an earlier call failed hard. */
export type BatchItemResult =
  | { status: "accepted"; message: OutboundSms; receipt: SendReceipt }
  | { status: "rejected"; message: OutboundSms; rejection: RecipientRejection }
  | { status: "failed"; message: OutboundSms; error: ProviderError }
  | { status: "skipped"; message: OutboundSms; error: ProviderError };

export interface Balance {
  /** null when the account is unlimited. */
  amount: number | null;
  unlimited: boolean;
  unit: "points" | "units";
  /** The provider's own text, e.g. "9.843,40" or "2,350". */
  raw: string;
  /** When the plan runs out, as the provider formats it; absent where plans don't expire (CPSMS). */
  expiresOn?: string | null;
}

/**
 * The small surface the app uses for any provider. Provider-specific calls (groups, logs, paging) live on
 * the concrete clients returned by `createCpsmsClient` / `createSmsappClient`.
 */
export interface SmsProviderClient {
  readonly name: ProviderName;
  /** Sends one message. Throws ProviderError; never repeats a request that may have reached the provider. */
  send(message: OutboundSms): Promise<SendReceipt>;
  /** Sends many messages using the provider's batching; one result per input, in input order. */
  sendBatch(messages: readonly OutboundSms[]): Promise<BatchItemResult[]>;
  getBalance(): Promise<Balance>;
}

/** Retry settings shared by both clients. Only failures known to precede acceptance are retried for sends. */
export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. Default 3. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt. Default 250 ms. */
  baseDelayMs?: number;
  /** Cap for one backoff delay. Default 5 s. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for; the error is thrown with `retryAfterMs`. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; returns [0, 1). */
  random?: () => number;
}

/** Options every client factory accepts. */
export interface ClientTransportOptions {
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Per-request timeout, covering headers and body. Default 10 000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
}
