import type { ProviderName } from "@/lib/sms/types";

/**
 * Which provider carries a number when the campaign says "automatic": each provider for its own country,
 * where it is cheapest and its sender names are registered. Numbers elsewhere go to `fallback`.
 */
export const COUNTRY_ROUTES: Record<string, ProviderName> = { "+45": "cpsms", "+92": "smsapp" };

export function routeProvider(e164: string, fallback: ProviderName = "cpsms"): ProviderName {
  for (const [prefix, provider] of Object.entries(COUNTRY_ROUTES)) if (e164.startsWith(prefix)) return provider;
  return fallback;
}

/** Splits recipients by provider, keeping their order. */
export function splitByProvider<R extends { phone: string }>(
  recipients: readonly R[],
  choice: ProviderName | "auto",
): Map<ProviderName, R[]> {
  const groups = new Map<ProviderName, R[]>();
  for (const r of recipients) {
    const provider = choice === "auto" ? routeProvider(r.phone) : choice;
    groups.set(provider, [...(groups.get(provider) ?? []), r]);
  }
  return groups;
}
