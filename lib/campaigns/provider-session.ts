import "server-only";
import type { Database } from "@/lib/db";
import { cpsmsClientFor, smsappClientFor } from "@/lib/providers/provider-clients";
import { type ProviderMode, resolveProvider } from "@/lib/providers/resolve-provider";
import type { CpsmsClient } from "@/lib/sms/cpsms/client";
import type { SmsappClient } from "@/lib/sms/smsapp/client";
import type { ProviderName } from "@/lib/sms/types";

/** A provider client plus what dispatch needs to know about how it is reached. */
export type ProviderSession =
  | { provider: "cpsms"; mode: ProviderMode; client: CpsmsClient }
  | { provider: "smsapp"; mode: ProviderMode; client: SmsappClient };

export type ProviderSessionFactory = (provider: ProviderName) => Promise<ProviderSession>;

/** Resolves credentials (environment, saved, or sandbox) fresh for each dispatch run. */
export function providerSessions(db: Database): ProviderSessionFactory {
  return async (provider) => {
    if (provider === "cpsms") {
      const resolved = await resolveProvider(db, "cpsms");
      return { provider, mode: resolved.mode, client: cpsmsClientFor(resolved, db) };
    }
    const resolved = await resolveProvider(db, "smsapp");
    return { provider, mode: resolved.mode, client: smsappClientFor(resolved) };
  };
}
