import "server-only";
import type { Database } from "@/lib/db";
import { type OfferCodeView, readOfferCode } from "./offer-code-view";
import { verifyOfferLinkToken } from "./offer-link";

/** What a guest's own offer page shows: no name, no phone, nothing about other guests. */
export type GuestOfferView = {
  code: string;
  shown: string;
  title: string;
  validFrom: Date;
  validUntil: Date;
  state: OfferCodeView["state"];
  redeemedAt: Date | null;
  /** The guest's contact language, if any (the page reads in it unless they pick another). */
  language: string | null;
};

/**
 * The offer behind a guest-page token, or null when the token's signature is wrong or the code unknown (the page
 * says the same for both). A read only: opening the page, as link previewers do, changes nothing.
 */
export async function findGuestOffer(db: Pick<Database, "execute">, token: string): Promise<GuestOfferView | null> {
  const code = verifyOfferLinkToken(token);
  const view = code ? await readOfferCode(db, code) : null;
  if (!view) return null;
  // The till's view of the same code, minus what only staff may see (the name, who redeemed it, the bill).
  const { shown, title, validFrom, validUntil, state, redeemedAt, language } = view;
  return { code: view.code, shown, title, validFrom, validUntil, state, redeemedAt, language };
}
