import "server-only";
import { cpsmsClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import type { ProviderAdapter, ProviderSession } from "../provider-adapter";
import type { CpsmsClient } from "./client";
import { GETLOG_MIN_INTERVAL_MS } from "./getlog";
import { cpsmsInfo } from "./info";
import { cpsmsVerdicts, findSentInCpsmsLog } from "./lookups";

/** Up to 100 numbers per request (one request per distinct text), four requests in flight. */
const BATCHING = { batchSize: 100, concurrency: 4 };

/** The engine's view of a CPSMS client: look-ups through its log, held messages deleted by reference. */
export function cpsmsSession(client: CpsmsClient, mode: ProviderMode): ProviderSession {
  return {
    provider: "cpsms",
    mode,
    info: cpsmsInfo,
    send: (message) => client.send(message),
    sendBatch: (messages) => client.sendBatch(messages),
    getBalance: () => client.getBalance(),
    // The log is matched on our reference, which is unique per request: no starting point needed.
    historyMark: async () => null,
    findSent: (rows, _mark, notBefore) => findSentInCpsmsLog(client, rows, notBefore),
    // One read of the whole log, matched on references: new sends can't hide an old one.
    findSentWhileSending: true,
    // Its log allows one fetch per 2 minutes per account, and another instance may just have used it.
    lookupRateLimitWaitMs: GETLOG_MIN_INTERVAL_MS,
    pollVerdicts: (pending) => cpsmsVerdicts(client, pending),
    cancelHeld: (reference) => client.deleteSms(reference),
    batching: () => BATCHING,
  };
}

/** CPSMS.dk behind the provider interface. */
export const cpsmsAdapter: ProviderAdapter = {
  info: cpsmsInfo,
  environmentVariables: "CPSMS_USERNAME and CPSMS_API_KEY",
  pollsEachMessage: false,
  async open(db, transport) {
    return cpsmsAdapter.session(await resolveProvider(db, "cpsms"), db, transport);
  },
  session(resolved, db, transport) {
    if (resolved.provider !== "cpsms") throw new Error(`CPSMS adapter given ${resolved.provider} credentials`);
    return cpsmsSession(cpsmsClientFor(resolved, db, transport), resolved.mode);
  },
};
