import type { Database } from "@/lib/db";
import { type CpsmsClient, createCpsmsClient } from "@/lib/sms/cpsms/client";
import { createSmsappClient, type SmsappClient } from "@/lib/sms/smsapp/client";
import { createDbGetlogCache } from "./getlog-cache";
import { type ResolvedCpsms, type ResolvedSmsapp, resolveProvider } from "./resolve-provider";

/** The same client code talks to the live service or the sandbox; only the resolved URL and keys differ. */
export function cpsmsClientFor(resolved: ResolvedCpsms, db: Database): CpsmsClient {
  return createCpsmsClient({
    baseUrl: resolved.baseUrl,
    username: resolved.username,
    apiKey: resolved.apiKey,
    getlogCache: createDbGetlogCache(db),
  });
}

export function smsappClientFor(resolved: ResolvedSmsapp): SmsappClient {
  return createSmsappClient({
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
