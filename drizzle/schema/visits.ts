import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";

/** Where a visit was learned from: a CSV of bookings or visits, the REST API (reservation or POS system), staff. */
export const VISIT_SOURCES = ["csv", "api", "staff"] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

/**
 * A guest's visit (a booking that was honoured, or a bill at the till): what win-back and after-visit automations
 * and the holdout's visit rate are computed from. `externalId` is the sending system's own id for the visit
 * (booking or receipt number), unique per source, so a re-import or a retried call never counts a visit twice.
 * Spend is in minor units (øre, paisa) of `currency` (ISO 4217): money is never a float.
 */
export const visits = pgTable(
  "visits",
  {
    id: uuid().primaryKey().defaultRandom(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    visitedAt: timestamp({ withTimezone: true }).notNull(),
    partySize: integer(),
    spendMinor: bigint({ mode: "number" }),
    currency: text(),
    source: text({ enum: VISIT_SOURCES }).notNull(),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A guest's visits newest first (win-back: last visit and count; the guest's page).
    index("visits_contact_time_idx").on(t.contactId, t.visitedAt),
    // After-visit: visits in a time window.
    index("visits_time_idx").on(t.visitedAt),
    uniqueIndex("visits_source_external_key").on(t.source, t.externalId).where(sql`${t.externalId} is not null`),
    check("visits_party_size_check", sql`${t.partySize} is null or ${t.partySize} between 1 and 500`),
    check(
      "visits_spend_check",
      sql`(${t.spendMinor} is null) = (${t.currency} is null) and coalesce(${t.spendMinor}, 0) >= 0`,
    ),
  ],
);

export type Visit = typeof visits.$inferSelect;
