import "server-only";
import type { Database } from "@/lib/db";
import type { ResolvedProvider } from "@/lib/providers/resolve-provider";
import { cpsmsAdapter } from "./cpsms/adapter";
import type { ProviderAdapter, ProviderSession } from "./provider-adapter";
import type { ProviderName } from "./providers";
import { smsappAdapter } from "./smsapp/adapter";
import type { ClientTransportOptions } from "./types";

/**
 * The one registry of provider adapters. A provider listed in `PROVIDER_INFO` (providers.ts, client-safe) and
 * missing here is a type error, so the two lists can't drift apart.
 */
const adapters = { cpsms: cpsmsAdapter, smsapp: smsappAdapter } satisfies Record<ProviderName, ProviderAdapter>;

/** The adapter for a provider: everything provider-specific goes through it. */
export function adapterFor(provider: ProviderName): ProviderAdapter {
  return adapters[provider];
}

/** A session with credentials already resolved (a test send needs their mode and default sender first). */
export function sessionFor(
  resolved: ResolvedProvider,
  db: Database,
  transport?: Pick<ClientTransportOptions, "timeoutMs" | "retry">,
): ProviderSession {
  return adapterFor(resolved.provider).session(resolved, db, transport);
}
