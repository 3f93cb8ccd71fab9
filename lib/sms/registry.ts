import "server-only";
import { cpsmsAdapter } from "./cpsms/adapter";
import type { ProviderAdapter } from "./provider-adapter";
import type { ProviderName } from "./providers";
import { smsappAdapter } from "./smsapp/adapter";

/**
 * The one registry of provider adapters. A provider listed in `PROVIDER_INFO` (providers.ts, client-safe) and
 * missing here is a type error, so the two lists can't drift apart.
 */
const adapters = { cpsms: cpsmsAdapter, smsapp: smsappAdapter } satisfies Record<ProviderName, ProviderAdapter>;

/** The adapter for a provider: everything provider-specific goes through it. */
export function adapterFor(provider: ProviderName): ProviderAdapter {
  return adapters[provider];
}
