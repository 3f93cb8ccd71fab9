import "server-only";
import type { Database } from "@/lib/db";
import type { ProviderSession } from "@/lib/sms/provider-adapter";
import type { ProviderName } from "@/lib/sms/providers";
import { adapterFor } from "@/lib/sms/registry";

export type { ProviderSession };

export type ProviderSessionFactory = (provider: ProviderName) => Promise<ProviderSession>;

/** Resolves credentials (environment, saved, or sandbox) fresh for each dispatch run. */
export function providerSessions(db: Database): ProviderSessionFactory {
  return (provider) => adapterFor(provider).open(db);
}
