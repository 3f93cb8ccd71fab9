// Plain functions (no database): the Redeem form and its action read a bill the same way.

/** The restaurant's currency by its country (Settings > Restaurant); the visits import uses the same pairs. */
const COUNTRY_CURRENCY: Record<string, string> = { DK: "DKK", PK: "PKR" };

/** The currency bills are entered in, or null for a country we don't know one for (the bill is then not asked). */
export function restaurantCurrency(country: string): string | null {
  return COUNTRY_CURRENCY[country] ?? null;
}

/**
 * A bill as typed at the till ("249", "249,50", "249.5") → minor units (24950), exactly (no float on the way);
 * null when it isn't an amount. Either decimal mark is accepted, thousands separators are not: "1.249" would be
 * ambiguous between Danish and English, and a till's bill rarely needs them.
 */
export function parseBillAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const m = /^(\d{1,9})(?:[.,](\d*))?$/.exec(text.trim().replace(/\s/g, ""));
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/**
 * Decimal places of a currency's minor unit, from ISO 4217 as the runtime knows it (DKK 2, PKR 0): the same rule
 * as the API's `currencyDigits` (lib/api/schemas.ts), repeated here so client pages don't load the API's schemas.
 */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
