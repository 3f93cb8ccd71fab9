import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { formatOfferCode } from "./offer-code";
import { validityState } from "./offer-validity";

/** What the Redeem page shows for a code: the offer, the guest's first name, its window and whether it was used. */
export type OfferCodeView = {
  code: string;
  shown: string;
  title: string;
  firstName: string | null;
  validFrom: Date;
  validUntil: Date;
  state: "valid" | "not_yet" | "expired" | "redeemed";
  redeemedAt: Date | null;
  redeemedBy: string | null;
  billMinor: number | null;
  currency: string | null;
  /** The guest's contact language, if any (their own offer page reads in it). */
  language: string | null;
};

type Row = {
  code: string;
  title: string;
  first_name: string | null;
  valid_from: Date;
  valid_until: Date;
  redeemed_at: Date | null;
  redeemed_by: string | null;
  bill_minor: string | number | null;
  currency: string | null;
  language: string | null;
  now: Date;
};

/** One code as the till sees it (null when there is no such code), judged against the database's clock. */
export async function readOfferCode(db: Pick<Database, "execute">, code: string): Promise<OfferCodeView | null> {
  const result = await db.execute<Row>(sql`
    select oc.code, o.title, nullif(btrim(c.first_name), '') as first_name, oc.valid_from, oc.valid_until,
      oc.redeemed_at, u.name as redeemed_by, oc.bill_minor, oc.currency, c.language, clock_timestamp() as now
    from offer_codes oc
    join offers o on o.id = oc.offer_id
    left join contacts c on c.id = oc.contact_id
    left join users u on u.id = oc.redeemed_by_id
    where oc.code = ${code}`);
  const row = result.rows[0];
  return row ? toView(row) : null;
}

function toView(row: Row): OfferCodeView {
  const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));
  const validFrom = date(row.valid_from);
  const validUntil = date(row.valid_until);
  const redeemedAt = row.redeemed_at ? date(row.redeemed_at) : null;
  return {
    code: row.code,
    shown: formatOfferCode(row.code),
    title: row.title,
    firstName: row.first_name,
    validFrom,
    validUntil,
    state: redeemedAt ? "redeemed" : validityState(date(row.now), validFrom, validUntil),
    redeemedAt,
    redeemedBy: row.redeemed_by,
    billMinor: row.bill_minor === null ? null : Number(row.bill_minor),
    currency: row.currency,
    language: row.language,
  };
}
