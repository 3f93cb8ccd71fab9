import { FALLBACK_PROVIDER, PROVIDER_INFO, PROVIDER_NAMES, type ProviderName } from "@/lib/sms/providers";

export type RouteRule = { prefix: string; provider: ProviderName };
export type ProviderRoutes = { rules: readonly RouteRule[]; fallback: ProviderName };

/**
 * How "automatic" picks a provider until the owner edits it (Settings > Restaurant): each provider for its own
 * country, where it is cheapest and its sender names are registered; other numbers go to the fallback (CPSMS).
 */
export const DEFAULT_ROUTES: ProviderRoutes = {
  rules: PROVIDER_NAMES.map((provider) => ({ prefix: PROVIDER_INFO[provider].country.prefix, provider })),
  fallback: FALLBACK_PROVIDER,
};

/** The provider for an E.164 number: the rule with the longest matching prefix, else the fallback. */
export function routeProvider(e164: string, routes: ProviderRoutes = DEFAULT_ROUTES): ProviderName {
  let best: RouteRule | null = null;
  for (const rule of routes.rules) {
    if (e164.startsWith(rule.prefix) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best?.provider ?? routes.fallback;
}

/** Splits recipients by provider, keeping their order. */
export function splitByProvider<R extends { phone: string }>(
  recipients: readonly R[],
  choice: ProviderName | "auto",
  routes: ProviderRoutes = DEFAULT_ROUTES,
): Map<ProviderName, R[]> {
  const groups = new Map<ProviderName, R[]>();
  for (const r of recipients) {
    const provider = choice === "auto" ? routeProvider(r.phone, routes) : choice;
    const list = groups.get(provider);
    if (list) list.push(r);
    else groups.set(provider, [r]);
  }
  return groups;
}
