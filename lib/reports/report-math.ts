// Pure arithmetic for the reports (no database, safe in any component): a figure that can't be computed is null,
// shown as "—", never Infinity or NaN.

/** n out of `of` as a share (0.25), or null when there is nothing to divide by. */
export function rate(n: number, of: number): number | null {
  return of > 0 && Number.isFinite(n) ? n / of : null;
}

/** What each redemption cost, or null with no redemptions (no cost "per" nothing). */
export function costPerRedemption(cost: number, redeemed: number): number | null {
  return redeemed > 0 ? cost / redeemed : null;
}

/** Decimal places of a currency's minor unit (DKK 2, JPY 0), from the platform's ISO 4217 data. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // an unknown code: shown as 2 decimals, like most currencies, rather than failing the page
  }
}

/** An amount stored in minor units (øre, paisa) as major units (kroner, rupees). */
export function majorAmount(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * yyyy-mm-dd for each day from `first` to `last` inclusive, at most `max` (days as text, so no time zone can
 * shift them); always at least `first`, even when `last` is before it.
 */
export function daysBetween(first: string, last: string, max = 366): string[] {
  const out: string[] = [];
  const d = new Date(`${first}T12:00:00Z`);
  const end = new Date(`${last}T12:00:00Z`).getTime();
  while (d.getTime() <= end && out.length < max) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out.length ? out : [first];
}
