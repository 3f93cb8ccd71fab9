import "server-only";
import type { Database } from "@/lib/db";
import { type CpsmsClient, createCpsmsClient } from "@/lib/sms/cpsms/client";
import { createSmsappClient, type SmsappClient } from "@/lib/sms/smsapp/client";
import type { ClientTransportOptions } from "@/lib/sms/types";
import { createDbGetlogCache } from "./getlog-cache";
import { type ResolvedCpsms, type ResolvedSmsapp, resolveProvider } from "./resolve-provider";

/** The same client code talks to the live service or the sandbox; only the resolved URL and keys differ. */
/** `transport` shortens timeouts and retries where a page must not wait on a slow provider. */
export function cpsmsClientFor(
  resolved: ResolvedCpsms,
  db: Database,
  transport: Pick<ClientTransportOptions, "timeoutMs" | "retry"> = {},
): CpsmsClient {
  return createCpsmsClient({
    ...transport,
    baseUrl: resolved.baseUrl,
    username: resolved.username,
    apiKey: resolved.apiKey,
    getlogCache: createDbGetlogCache(db),
  });
}

export function smsappClientFor(
  resolved: ResolvedSmsapp,
  transport: Pick<ClientTransportOptions, "timeoutMs" | "retry"> = {},
): SmsappClient {
  return createSmsappClient({
    ...transport,
    baseUrl: resolved.baseUrl,
    apiToken: resolved.apiToken,
    defaultSenderId: resolved.defaultSender ?? undefined,
  });
}

export async function getCpsmsClient(db: Database): Promise<CpsmsClient> {
  return cpsmsClientFor(await resolveProvider(db, "cpsms"), db);
}

export async function getSmsappClient(db: Database): Promise<SmsappClient> {
  return smsappClientFor(await resolveProvider(db, "smsapp"));
}
