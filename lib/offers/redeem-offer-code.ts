import "server-only";
import { sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { withMissLimit } from "./lookup-limit";
import { type OfferCodeView, readOfferCode } from "./offer-code-view";

/** The till's bill, in minor units of the restaurant's currency (both or neither). */
export type Bill = { minor: number; currency: string } | null;

/** Looks a code up for the Redeem page, under the user's miss limit (a miss is recorded and counted). */
export async function lookupOfferCode(db: Database, user: { id: string }, code: string): Promise<OfferCodeView> {
  return withMissLimit(db, user.id, code, (tx) => readOfferCode(tx, code));
}

/**
 * Marks a code redeemed: one conditional UPDATE (not redeemed yet, inside its window by the database's clock),
 * so two tills, a double tap or a retry can't both win; the loser reads who won and when. Both outcomes are in
 * the audit log, in the same transaction as what they describe. An unknown code counts as a miss.
 */
export async function redeemOfferCode(
  db: Database,
  user: { id: string },
  code: string,
  bill: Bill,
): Promise<{ redeemed: boolean; view: OfferCodeView }> {
  return withMissLimit(db, user.id, code, async (tx) => {
    const won = await tx.execute<{ code: string }>(sql`
      update offer_codes
         set redeemed_at = clock_timestamp(), redeemed_by_id = ${user.id},
             bill_minor = ${bill?.minor ?? null}, currency = ${bill?.currency ?? null}
       where code = ${code} and redeemed_at is null
         and clock_timestamp() between valid_from and valid_until
      returning code`);
    const view = await readOfferCode(tx, code);
    if (!view) return null;
    const redeemed = won.rows.length === 1;
    await recordAudit(tx, {
      actorId: user.id,
      action: redeemed ? "offer.redeemed" : "offer.redeem_refused",
      targetType: "offer_code",
      targetId: code,
      details: redeemed
        ? { title: view.title, billMinor: bill?.minor ?? null, currency: bill?.currency ?? null }
        : { reason: view.state, redeemedAt: view.redeemedAt?.toISOString() ?? null },
    });
    return { redeemed, view };
  });
}
