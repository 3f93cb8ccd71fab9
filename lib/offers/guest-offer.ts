import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { formatOfferCode } from "./offer-code";
import { verifyOfferLinkToken } from "./offer-link";
import { validityState } from "./offer-validity";

/** What a guest's own offer page shows: no name, no phone, nothing about other guests. */
export type GuestOfferView = {
  code: string;
  shown: string;
  title: string;
  validFrom: Date;
  validUntil: Date;
  state: "valid" | "not_yet" | "expired" | "redeemed";
  redeemedAt: Date | null;
  /** The guest's contact language, if any (the page reads in it unless they pick another). */
  language: string | null;
};

type Row = {
  code: string;
  title: string;
  valid_from: Date | string;
  valid_until: Date | string;
  redeemed_at: Date | string | null;
  language: string | null;
  now: Date | string;
};

/**
 * The offer behind a guest-page token, or null when the token's signature is wrong or the code unknown (the page
 * says the same for both). A read only: opening the page, as link previewers do, changes nothing.
 */
export async function findGuestOffer(db: Pick<Database, "execute">, token: string): Promise<GuestOfferView | null> {
  const code = verifyOfferLinkToken(token);
  if (!code) return null;
  const result = await db.execute<Row>(sql`
    select oc.code, o.title, oc.valid_from, oc.valid_until, oc.redeemed_at, c.language, clock_timestamp() as now
    from offer_codes oc
    join offers o on o.id = oc.offer_id
    left join contacts c on c.id = oc.contact_id
    where oc.code = ${code}`);
  const row = result.rows[0];
  if (!row) return null;
  const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));
  const validFrom = date(row.valid_from);
  const validUntil = date(row.valid_until);
  const redeemedAt = row.redeemed_at ? date(row.redeemed_at) : null;
  return {
    code: row.code,
    shown: formatOfferCode(row.code),
    title: row.title,
    validFrom,
    validUntil,
    state: redeemedAt ? "redeemed" : validityState(date(row.now), validFrom, validUntil),
    redeemedAt,
    language: row.language,
  };
}
