import "./zod-browser";
import { z } from "zod";

// Shared by the Redeem page and its server actions (no server-only imports here).

/** What staff typed or a scan read; parsed forgivingly on the server (lib/offers/offer-code.ts). */
const typedCode = z.string().trim().min(1, "Redeem.validation.codeRequired").max(40, "Redeem.validation.notACode");

export const lookupOfferCodeSchema = z.object({ code: typedCode });

export const redeemOfferCodeSchema = z.object({
  code: typedCode,
  /** The bill as typed ("249,50"), optional; read in the restaurant's currency. */
  bill: z.string().trim().max(20, "Redeem.validation.bill").optional(),
});
