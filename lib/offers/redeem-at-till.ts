import "server-only";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currencyOfCountry } from "@/lib/format/currency";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { parseBillAmount } from "./bill-amount";
import { parseOfferCode } from "./offer-code";
import type { OfferCodeView } from "./offer-code-view";
import { lookupOfferCode, redeemOfferCode } from "./redeem-offer-code";

/** A typed code → canonical, or a clear error; text that can't be a code never reaches the database or the limit. */
function canonical(typed: string): string {
  const code = parseOfferCode(typed);
  if (!code) throw new AppError("INVALID_INPUT", "Redeem.errors.notACode");
  return code;
}

/** The Redeem page's "Look up": the code's offer, guest and state. */
export async function lookUpTypedCode(db: Database, user: { id: string }, typed: string): Promise<OfferCodeView> {
  return lookupOfferCode(db, user, canonical(typed));
}

/** The Redeem page's "Mark redeemed", with the bill as typed (optional) in the restaurant's currency. */
export async function redeemTypedCode(
  db: Database,
  user: { id: string },
  input: { code: string; bill?: string },
): Promise<{ redeemed: boolean; view: OfferCodeView }> {
  const code = canonical(input.code);
  let bill: { minor: number; currency: string } | null = null;
  if (input.bill?.trim()) {
    const currency = currencyOfCountry((await getRestaurantSettings(db)).defaultCountry);
    const minor = currency ? parseBillAmount(input.bill, currency) : null;
    if (!currency || minor === null) throw new AppError("INVALID_INPUT", "Redeem.validation.bill");
    bill = { minor, currency };
  }
  return redeemOfferCode(db, user, code, bill);
}
