import type { useFormatter, useTranslations } from "next-intl";
import { majorAmount } from "@/lib/format/currency";
import { PROVIDER_INFO, type ProviderName } from "@/lib/sms/providers";

/** The `Units` translator, from `useTranslations("Units")` or `await getTranslations("Units")`. */
type UnitsTranslator = ReturnType<typeof useTranslations<"Units">>;
type Formatter = ReturnType<typeof useFormatter>;

/**
 * An amount in a provider's unit, in the reader's language and grammar: "1 point", "1.6 points", "2,350 units";
 * Danish "1.000,5 point", "1 enhed". Plural rules apply to the value as shown (1.004 reads "1 point").
 */
export function amountText(t: UnitsTranslator, format: Formatter, value: number, provider: ProviderName): string {
  const shown = Math.round(value * 100) / 100;
  return t(PROVIDER_INFO[provider].unitKey, { count: shown, amount: format.number(shown, "amount") });
}

/** The unit's name for headers: "points", "units" / "point", "enheder". */
export function unitName(t: UnitsTranslator, provider: ProviderName): string {
  return t(`${PROVIDER_INFO[provider].unitKey}Name`);
}

/**
 * Money entered at the till, stored in minor units (øre, paisa): "kr. 249,50" / "DKK 249.50", in the reader's
 * language. Exact: the minor units are divided once, for display only.
 */
export function moneyText(format: Formatter, minor: number, currency: string): string {
  return format.number(majorAmount(minor, currency), { style: "currency", currency });
}
