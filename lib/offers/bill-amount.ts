// Plain functions (no database): the Redeem form and its action read a bill the same way.

import { currencyDigits } from "@/lib/format/currency";

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
