import { isProviderName, mapProviders, PROVIDER_INFO, PROVIDER_NAMES, type ProviderName } from "@/lib/sms/providers";

/** Every provider, in registry order (from `lib/sms/providers.ts`). */
export const PROVIDERS: readonly ProviderName[] = PROVIDER_NAMES;

/** Each provider's name as pages show it ("CPSMS.dk"), from its descriptor. */
export const PROVIDER_LABELS: Record<ProviderName, string> = mapProviders((p) => PROVIDER_INFO[p].label);

export { isProviderName };
