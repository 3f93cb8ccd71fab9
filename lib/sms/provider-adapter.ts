import "server-only";
import type { Database } from "@/lib/db";
import type { ProviderMode, ResolvedProvider } from "@/lib/providers/resolve-provider";
import type { ProviderInfo } from "./provider-info";
import type { ProviderName } from "./providers";
import type { Balance, BatchItemResult, ClientTransportOptions, OutboundSms, SendReceipt } from "./types";

/** A message left "sending" by a crash or an ambiguous failure: did the provider get it? */
export type SentLookupRow = {
  id: number;
  phone: string;
  body: string;
  reference: string | null;
  claimedAt: Date | null;
};

/** What a look-up found: the rows the provider has, or (when its answer can't tell yet) when to ask again. */
export type SentLookup = { found: Set<number>; retryAt: null } | { found: null; retryAt: Date };

/** A sent message still waiting for a delivery verdict. */
export type PendingMessage = {
  id: number;
  phone: string;
  body: string;
  reference: string | null;
  providerMessageId: string | null;
  cost: number | null;
  status: string;
};

/** "accepted": a message the provider held is confirmed sent (in its log), with no verdict yet. */
export type DeliveryVerdict = "accepted" | "delivered" | "undelivered" | "buffered";

/** What a provider told us about one message: a verdict, plus the facts it knows (cost, sender, send time). */
export type VerdictUpdate = {
  id: number;
  status: DeliveryVerdict;
  detail: string | null;
  cost?: number | null;
  segments?: number | null;
  sender?: string | null;
  sentAt?: Date | null;
};

/**
 * A delivery report a provider pushed to us (CPSMS calls our `dlr_url`), in the engine's terms; each provider's
 * webhook (lib/sms/<provider>/) reads its own wire format into this.
 */
export type PushedReport = {
  /** The receiving number, E.164 with the +: with our reference it names the message. */
  phone: string;
  /** The status the report moves the message to, or null when it only adds a note (a code we don't know). */
  verdict: "delivered" | "undelivered" | "buffered" | null;
  /** The provider's word for the state, on the message's timeline ("delivered", "abandoned"). */
  state: string;
  /** What the guest-facing history says about it (null: nothing to add). */
  detail: string | null;
  /** Our error code when the delivery failed, e.g. "dlr_4". */
  errorCode: string | null;
  /**
   * The report's fingerprint on the timeline: one line per distinct report, so a replayed report adds nothing.
   * Namespaced by provider ("cpsms:failed").
   */
  key: string;
};

/** How a campaign is handed over: messages claimed per call round and calls in flight at once. */
export type Batching = { batchSize: number; concurrency: number };

/**
 * One provider reached with the credentials in effect (live or sandbox): everything the engine asks a provider.
 * Opened fresh per dispatch run, poll or control action, so changed credentials apply at once.
 */
export interface ProviderSession {
  readonly provider: ProviderName;
  readonly mode: ProviderMode;
  readonly info: ProviderInfo;
  /** Sends one message. Throws ProviderError; never repeats a request that may have reached the provider. */
  send(message: OutboundSms): Promise<SendReceipt>;
  /** Sends many messages using the provider's batching; one result per input, in input order. */
  sendBatch(messages: readonly OutboundSms[]): Promise<BatchItemResult[]>;
  getBalance(): Promise<Balance>;
  /** Where this run starts in the provider's history, taken before anything is sent; null when look-ups need none. */
  historyMark(): Promise<number | null>;
  /**
   * Which of `rows` the provider has (sent since `historyMark`), so uncertain rows are neither lost nor sent twice.
   * `notBefore`: what it reads must have been read after this moment (rows a dead run left: after the takeover,
   * when none of its requests can still be on the way); an answer read earlier is no answer (`retryAt`).
   */
  findSent(rows: readonly SentLookupRow[], historyMark: number | null, notBefore?: Date): Promise<SentLookup>;
  /**
   * Whether `findSent` stays right while the same campaign keeps sending. True: a resumed run sends its
   * never-claimed messages while the uncertain ones are looked up. False: it looks them up first.
   */
  readonly findSentWhileSending: boolean;
  /** How long to wait after a rate-limited look-up when the provider names no time. */
  readonly lookupRateLimitWaitMs: number;
  /** What the provider now says about sent (or held, past their time) messages; messages it doesn't know are left out. */
  pollVerdicts(pending: readonly PendingMessage[]): Promise<VerdictUpdate[]>;
  /** Deletes held messages by our reference (only providers that hold schedules; see `info.cancelLockMs`). */
  cancelHeld(reference: string): Promise<void>;
  /** Claim size and parallel calls for a campaign from this sender (null: the default sender). */
  batching(sender: string | null): Batching;
}

/** Everything provider-specific, behind one interface; `registry.ts` lists one per provider. */
export interface ProviderAdapter {
  readonly info: ProviderInfo;
  /** The environment variables that override saved credentials; server-side only (configuration names stay out of the bundle). */
  readonly environmentVariables: string;
  /**
   * True when verdicts are asked for one message at a time (so each waits longer between look-ups as it ages);
   * false when one shared read (a log) answers for all.
   */
  readonly pollsEachMessage: boolean;
  /** A session with the credentials in effect now (environment, saved, or the sandbox). */
  open(db: Database, transport?: Pick<ClientTransportOptions, "timeoutMs" | "retry">): Promise<ProviderSession>;
  /**
   * A session with credentials the caller already resolved (it needed their mode or default sender first).
   * Throws when `resolved` names another provider: `sessionFor` in registry.ts picks the right adapter.
   */
  session(
    resolved: ResolvedProvider,
    db: Database,
    transport?: Pick<ClientTransportOptions, "timeoutMs" | "retry">,
  ): ProviderSession;
}
