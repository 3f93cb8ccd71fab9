import "server-only";
import { offerCodes } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { formatOfferCode, generateOfferCode } from "./offer-code";
import { offerLinkToken } from "./offer-link";
import { OFFER_LINK_PATH } from "./offer-link-shape";

/** The offer a campaign's codes redeem, and the window every code of this campaign is valid in. */
export type CampaignOffer = { id: string; validFrom: Date; validUntil: Date };

type WithCode = { phone: string; contactId: string | null; body: string; offerCode?: string };

const INSERT_CHUNK = 2000;
/** A second collision for the same guest would mean the random source is broken: stop rather than loop. */
const MAX_ROUNDS = 5;

/**
 * Writes one `offer_codes` row per recipient that has a code, inside the caller's transaction (insertCampaign,
 * before the messages). A code already stored for someone else (the primary key refuses it) is replaced by a
 * fresh one in that recipient's text as well: both are 9 GSM-7 characters, so the counts shown stay exact.
 * Returns the recipients as they must be written.
 */
export async function insertOfferCodes<R extends WithCode>(
  tx: Database,
  campaignId: string,
  offer: CampaignOffer,
  recipients: readonly R[],
  draw: () => string = generateOfferCode,
): Promise<R[]> {
  const out = [...recipients];
  let pending = out.map((r, i) => ({ r, i })).filter((x) => x.r.offerCode);
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) throw new Error("offer codes kept colliding; is the random source broken?");
    // The same code twice in one batch (drawn independently) would be one row: the later ones count as collided.
    const seen = new Set<string>();
    const first = pending.filter(({ r }) => !seen.has(r.offerCode!) && seen.add(r.offerCode!));
    const taken = new Set<string>();
    for (let i = 0; i < first.length; i += INSERT_CHUNK) {
      const rows = await tx
        .insert(offerCodes)
        .values(
          first.slice(i, i + INSERT_CHUNK).map(({ r }) => ({
            code: r.offerCode!,
            offerId: offer.id,
            campaignId,
            contactId: r.contactId,
            phone: r.phone,
            validFrom: offer.validFrom,
            validUntil: offer.validUntil,
          })),
        )
        .onConflictDoNothing()
        .returning({ code: offerCodes.code });
      for (const row of rows) taken.add(row.code);
    }
    const stored = new Set(first.filter(({ r }) => taken.has(r.offerCode!)));
    const collided = pending.filter((x) => !stored.has(x));
    const used = new Set(out.map((r) => r.offerCode));
    const fresh: string[] = [];
    while (fresh.length < collided.length) {
      const code = draw();
      if (!used.has(code)) fresh.push(code);
      used.add(code);
    }
    pending = collided.map(({ r, i }, k) => {
      const code = fresh[k]!;
      const replaced = {
        ...r,
        offerCode: code,
        body: replaceCode(r.body, r.offerCode!, code),
      };
      out[i] = replaced;
      return { r: replaced, i };
    });
  }
  return out;
}

/** The text with a redrawn code in place of the collided one: as `{offer_code}` put it and in `{offer_link}`'s link. */
function replaceCode(body: string, old: string, code: string): string {
  const shown = body.replaceAll(formatOfferCode(old), formatOfferCode(code));
  // Only a text with the guest page's link signs anything (the token starts with the canonical code).
  return shown.includes(`${OFFER_LINK_PATH}${old}`)
    ? shown.replaceAll(`${OFFER_LINK_PATH}${offerLinkToken(old)}`, `${OFFER_LINK_PATH}${offerLinkToken(code)}`)
    : shown;
}
