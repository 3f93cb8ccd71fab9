import "server-only";
import { smsappClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import type { ProviderAdapter, ProviderSession } from "../provider-adapter";
import type { SmsappClient } from "./client";
import { SMSAPP_BULK_LIMIT, smsappInfo } from "./info";
import { findSentInSmsappHistory, smsappHistoryMark, smsappVerdicts } from "./lookups";

/** Bulk sends: 50 per call, four calls in flight. */
const BULK = { batchSize: SMSAPP_BULK_LIMIT, concurrency: 4 };
/**
 * Messages from a chosen sender go one per call (bulk calls can't carry a sender): small claims keep each lane's
 * round short (a single send waits for smsapp.pk's gateway) and more lanes keep the pace up.
 */
const ONE_BY_ONE = { batchSize: 5, concurrency: 8 };

/** The engine's view of an smsapp.pk client: look-ups through its message history; it holds nothing to cancel. */
export function smsappSession(client: SmsappClient, mode: ProviderMode): ProviderSession {
  return {
    provider: "smsapp",
    mode,
    info: smsappInfo,
    send: (message) => client.send(message),
    sendBatch: (messages) => client.sendBatch(messages),
    getBalance: () => client.getBalance(),
    historyMark: () => smsappHistoryMark(client),
    findSent: (rows, mark) => findSentInSmsappHistory(client, rows, mark),
    // Its history is read page by page and may list newest first: sends added meanwhile shift the pages, and the
    // reading would chase them. So a resumed run looks up first (the pages are read in parallel, see lookups.ts).
    findSentWhileSending: false,
    lookupRateLimitWaitMs: 30_000,
    pollVerdicts: (pending) => smsappVerdicts(client, pending),
    cancelHeld: async () => {
      throw new Error("smsapp.pk holds no scheduled messages: they wait in our own queue");
    },
    batching: (sender) => (sender === null ? BULK : ONE_BY_ONE),
  };
}

/** smsapp.pk behind the provider interface. */
export const smsappAdapter: ProviderAdapter = {
  info: smsappInfo,
  environmentVariables: "SMSAPP_API_TOKEN",
  pollsEachMessage: true,
  async open(db, transport) {
    return smsappAdapter.session(await resolveProvider(db, "smsapp"), db, transport);
  },
  session(resolved, _db, transport) {
    if (resolved.provider !== "smsapp") throw new Error(`smsapp.pk adapter given ${resolved.provider} credentials`);
    return smsappSession(smsappClientFor(resolved, transport), resolved.mode);
  },
};
