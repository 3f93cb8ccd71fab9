import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/**
 * What one SMS segment costs in each provider's own unit (its descriptor's `prices`: CPSMS bills 1 point per
 * segment to Danish numbers and 1.6 elsewhere, smsapp.pk 1 unit). These are estimates for the compose screen:
 * the provider's reply is the real cost.
 */
export type CostUnit = (typeof PROVIDER_INFO)[ProviderName]["unit"]["other"];

/**
 * Price of one segment to a phone number. A recipient without a number (a sample guest in the editor) is
 * priced as domestic, the common case for a restaurant's own guests.
 */
export function segmentPrice(provider: ProviderName, phone?: string | null): number {
  const { prices, country } = PROVIDER_INFO[provider];
  if (!phone) return prices.domestic;
  const normalized = phone.replace(/[\s-]/g, "").replace(/^00/, "+");
  return normalized.startsWith(country.prefix) ? prices.domestic : prices.international;
}

/** The unit a provider's cost and balance are counted in ("points" for CPSMS, "units" for smsapp.pk). */
export function costUnit(provider: ProviderName): CostUnit {
  return PROVIDER_INFO[provider].unit.other;
}
