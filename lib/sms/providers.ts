// Client-safe (no server-only imports): the one list of providers. Adding a provider adds one line here and one
// in `registry.ts` (its adapter); the compiler then points at everything else that needs it.
import { cpsmsInfo } from "./cpsms/info";
import type { ProviderInfo } from "./provider-info";
import { smsappInfo } from "./smsapp/info";

/** Every provider's descriptor, by name, in the order pages list them. */
export const PROVIDER_INFO = { cpsms: cpsmsInfo, smsapp: smsappInfo } as const satisfies Record<string, ProviderInfo>;

/** The SMS providers the app can talk to. */
export type ProviderName = keyof typeof PROVIDER_INFO;

/** All provider names, in registry order. */
export const PROVIDER_NAMES = Object.keys(PROVIDER_INFO) as [ProviderName, ...ProviderName[]];

/** Where "Automatic" sends numbers no routing rule matches, until the owner picks another. */
export const FALLBACK_PROVIDER: ProviderName = "cpsms";

/** A provider's descriptor. */
export function providerInfo(provider: ProviderName): ProviderInfo {
  return PROVIDER_INFO[provider];
}

/** True for a known provider name (e.g. from a URL or a form). */
export function isProviderName(value: unknown): value is ProviderName {
  return typeof value === "string" && Object.hasOwn(PROVIDER_INFO, value);
}

/** The providers that hold scheduled messages themselves (whose held messages can be cancelled there). */
export function providersHoldingSchedules(): ProviderName[] {
  return PROVIDER_NAMES.filter((p) => PROVIDER_INFO[p].schedulesAtProvider);
}

/** A record with one entry per provider, e.g. `mapProviders(() => 0)`. */
export function mapProviders<T>(value: (provider: ProviderName) => T): Record<ProviderName, T> {
  return Object.fromEntries(PROVIDER_NAMES.map((p) => [p, value(p)])) as Record<ProviderName, T>;
}
