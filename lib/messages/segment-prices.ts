import type { ProviderName } from "@/lib/sms/types";

/**
 * What one SMS segment costs in each provider's own unit. CPSMS bills points: 1 per segment to Danish (+45)
 * numbers and 1.6 to other countries (its price list, mirrored by the sandbox's pointPrices); smsapp.pk bills
 * 1 unit per segment. These are estimates for the compose screen: the provider's reply is the real cost.
 */
export const SEGMENT_PRICES = {
  cpsms: { unit: "points", domesticPrefix: "+45", domestic: 1, international: 1.6 },
  smsapp: { unit: "units", domesticPrefix: "+92", domestic: 1, international: 1 },
} as const satisfies Record<
  ProviderName,
  { unit: string; domesticPrefix: string; domestic: number; international: number }
>;

export type CostUnit = (typeof SEGMENT_PRICES)[ProviderName]["unit"];

/**
 * Price of one segment to a phone number. A recipient without a number (a sample guest in the editor) is
 * priced as domestic, the common case for a restaurant's own guests.
 */
export function segmentPrice(provider: ProviderName, phone?: string | null): number {
  const prices = SEGMENT_PRICES[provider];
  if (!phone) return prices.domestic;
  const normalized = phone.replace(/[\s-]/g, "").replace(/^00/, "+");
  return normalized.startsWith(prices.domesticPrefix) ? prices.domestic : prices.international;
}

/** The unit a provider's cost and balance are counted in ("points" for CPSMS, "units" for smsapp.pk). */
export function costUnit(provider: ProviderName): CostUnit {
  return SEGMENT_PRICES[provider].unit;
}
