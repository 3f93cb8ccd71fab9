"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { lookUpTypedCode, redeemTypedCode } from "@/lib/offers/redeem-at-till";
import { lookupOfferCodeSchema, redeemOfferCodeSchema } from "@/lib/validation/redeem";

// Everyone signed in, staff included: redeeming happens at the till, whoever is on shift.
const anyRole = { role: "staff" } as const;

/** Shows a typed code's offer, guest and validity (unknown codes count against the user's hourly limit). */
export const lookupOfferCodeAction = defineAction(lookupOfferCodeSchema, anyRole, async (input, user) =>
  lookUpTypedCode(getDb(), user, input.code),
);

/** Marks a code redeemed once; a code already used, early or expired is refused with what the page must show. */
export const redeemOfferCodeAction = defineAction(redeemOfferCodeSchema, anyRole, async (input, user) => {
  const result = await redeemTypedCode(getDb(), user, input);
  if (result.redeemed) revalidatePath("/redeem");
  return result;
});
