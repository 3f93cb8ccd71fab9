import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const PLURAL = new Intl.PluralRules("en-GB");

/** An amount in a provider's unit, grammatical: "1 point", "1.6 points", "0 units", "2,350 units". */
export function formatAmount(value: number, provider: ProviderName): string {
  const words = PROVIDER_INFO[provider].unit;
  // Plural rules on the rounded value as shown: 1.004 reads "1 point".
  const shown = Math.round(value * 100) / 100;
  return `${NUMBER.format(shown)} ${PLURAL.select(shown) === "one" ? words.one : words.other}`;
}

/** The unit word alone, for headers ("Cost (points)"). */
export function unitWord(provider: ProviderName, count = 2): string {
  const words = PROVIDER_INFO[provider].unit;
  return PLURAL.select(count) === "one" ? words.one : words.other;
}
