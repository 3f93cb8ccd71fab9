// Money is kept in minor units (øre, paisa) of an ISO 4217 currency, never as a float. These are the one place
// that knows a currency's decimals and turns amounts to and from their decimal text: the API, the visits import,
// the Redeem page, amounts on screen and the reports' CSV all use them. Plain functions (no database, any page).

const digitsOf = new Map<string, number>();

/** Decimal places of a currency's minor unit (DKK 2, PKR 0 as ISO 4217 has it, KWD 3), from the runtime's data. */
export function currencyDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not a currency code: shown with two decimals, like most, rather than failing the page
    }
    digitsOf.set(currency, digits);
  }
  return digits;
}

/** An amount as a decimal string in minor units ("249.50" DKK → 24950), exactly: no float on the way. */
export function toMinorUnits(amountText: string, currency: string): number {
  const digits = currencyDigits(currency);
  const [whole, fraction = ""] = amountText.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** Minor units back to the decimal string (24950 DKK → "249.50"). */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** An amount in minor units as a number of major units (24950 øre → 249.5 kroner), for formatting. */
export function majorAmount(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** The restaurant's currency by its country (Settings > Restaurant). */
const COUNTRY_CURRENCY: Record<string, string> = { DK: "DKK", PK: "PKR" };

/** The currency a restaurant in `country` takes, or null for a country we don't know one for. */
export function currencyOfCountry(country: string): string | null {
  return COUNTRY_CURRENCY[country.toUpperCase()] ?? null;
}
