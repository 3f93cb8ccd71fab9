import "server-only";
import { offers } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OfferChoice } from "@/lib/validation/compose";
import type { CampaignOffer } from "./insert-offer-codes";
import { endOfDayInZone, startOfDayInZone } from "./offer-validity";

/** A promotion's offer with its window read in the restaurant's zone, checked, not yet stored. */
export type ResolvedOffer = { title: string; validFrom: Date | null; validUntil: Date };

/**
 * Reads the compose form's offer: "valid until" is the end of that day where the restaurant is, "valid from"
 * (optional) the start of its day. Refuses a window that has already ended, or ends before it starts, or ends
 * before the text goes out, with a message staff can act on.
 */
export function resolvePromotionOffer(
  choice: OfferChoice,
  timeZone: string,
  sendAt: Date | null,
  now = new Date(),
): ResolvedOffer {
  const validUntil = endOfDayInZone(choice.validUntil, timeZone);
  const validFrom = choice.validFrom ? startOfDayInZone(choice.validFrom, timeZone) : null;
  if (!validUntil || (choice.validFrom && !validFrom))
    throw new AppError("INVALID_INPUT", "Compose.validation.offerDay");
  if (validFrom && validFrom.getTime() > validUntil.getTime())
    throw new AppError("INVALID_INPUT", "Compose.errors.offerEndsBeforeStart");
  if (validUntil.getTime() < (sendAt ?? now).getTime())
    throw new AppError("INVALID_INPUT", "Compose.errors.offerEndsBeforeSend");
  return { title: choice.title.trim(), validFrom, validUntil };
}

/**
 * Stores the offer (inside the send's transaction) and returns the window its codes get: from the chosen day,
 * else from when the promotion is written (a code texted later can't be used before it arrives anyway).
 */
export async function createPromotionOffer(
  tx: Database,
  actorId: string | null,
  offer: ResolvedOffer,
): Promise<CampaignOffer> {
  const [row] = await tx
    .insert(offers)
    .values({ title: offer.title, validFrom: offer.validFrom, validUntil: offer.validUntil, createdById: actorId })
    .returning();
  return { id: row!.id, validFrom: row!.validFrom ?? row!.createdAt, validUntil: row!.validUntil! };
}
