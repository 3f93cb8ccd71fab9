import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { AUTOMATION_KINDS } from "./automation-kinds";
import { campaigns } from "./campaigns";
import { users } from "./users";

/**
 * An offer a promotion or an automation carries ("2 for 1 pizza, until Sunday"): what the till sees when a code
 * is typed. Codes keep pointing at the offer they were sent with: an automation whose offer is edited gets a new
 * row, so a code never changes meaning after it was texted.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** As staff wrote it, shown at the till. */
    title: text().notNull(),
    /** A promotion's offer: valid from/until fixed moments (until = end of the chosen day, restaurant zone). */
    validFrom: timestamp({ withTimezone: true }),
    validUntil: timestamp({ withTimezone: true }),
    /** An automation's offer: each code valid this many days from its text. */
    validDays: integer(),
    /** Set for an automation's offer (which one); null for a promotion's. */
    automationKind: text({ enum: AUTOMATION_KINDS }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "offers_validity_check",
      sql`(${t.validUntil} is not null) or (${t.validDays} is not null and ${t.validDays} between 1 and 365)`,
    ),
  ],
);

export type Offer = typeof offers.$inferSelect;

/**
 * One recipient's code for an offer (`{offer_code}`): 8 Crockford base32 characters (40 bits), written in the same
 * transaction as the campaign's messages. Redeemed once: `redeemedAt` is set by a single conditional update, so a
 * second try (another till, a double tap) finds it taken and is told when and by whom.
 */
export const offerCodes = pgTable(
  "offer_codes",
  {
    /** Canonical form: upper case, no separator (shown as XXXX-XXXX). */
    code: text().primaryKey(),
    offerId: uuid()
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "set null" }),
    contactId: uuid(),
    /** E.164: with the campaign, the message the code was sent in. */
    phone: text().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }).notNull(),
    redeemedAt: timestamp({ withTimezone: true }),
    redeemedById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The bill, when staff entered it, in minor units (øre, paisa) of `currency` (ISO 4217). */
    billMinor: bigint({ mode: "number" }),
    currency: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("offer_codes_campaign_idx").on(t.campaignId),
    index("offer_codes_offer_idx").on(t.offerId),
    check(
      "offer_codes_bill_check",
      sql`(${t.billMinor} is null) = (${t.currency} is null) and coalesce(${t.billMinor}, 0) >= 0`,
    ),
    check("offer_codes_redeemed_check", sql`${t.billMinor} is null or ${t.redeemedAt} is not null`),
  ],
);

export type OfferCode = typeof offerCodes.$inferSelect;
