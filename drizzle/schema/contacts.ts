import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { users } from "./users";

export const CONSENT_STATES = ["granted", "withdrawn", "none"] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/**
 * A guest in the guest book. One contact per phone number (E.164). `consentState` mirrors the latest entry of
 * the consent ledger (consent_events) so lists and audiences filter on it without a lateral join at 100k rows.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** E.164, e.g. +4520123456. */
    phone: text().notNull(),
    firstName: text().notNull().default(""),
    lastName: text().notNull().default(""),
    /** Birthday without a year (guests share the day, not their age). */
    birthdayMonth: integer(),
    birthdayDay: integer(),
    /** BCP 47 language tag for messages, e.g. "da", "en", "ur". */
    language: text(),
    notes: text().notNull().default(""),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** "last first" lower-cased, kept by Postgres: the name sort's index covers it, so deep pages are index-only. */
    nameKey: text().notNull().generatedAlwaysAs(sql`lower("last_name" || ' ' || "first_name")`),
    consentState: text({ enum: CONSENT_STATES }).notNull().default("none"),
    consentChangedAt: timestamp({ withTimezone: true }),
    /** Unguessable short token for the guest's public opt-out link (/o/<token>). */
    optOutToken: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contacts_phone_key").on(t.phone),
    uniqueIndex("contacts_opt_out_token_key").on(t.optOutToken),
    index("contacts_created_idx").on(t.createdAt, t.id),
    index("contacts_consent_idx").on(t.consentState),
    index("contacts_tags_idx").using("gin", t.tags),
    // Sort by name (the table's "Name" column) without sorting 100k rows.
    index("contacts_name_sort_idx").on(t.nameKey, t.id),
    // Substring search by name or phone (pg_trgm, created in migration 0004_guest_book_trgm).
    index("contacts_name_trgm_idx").using("gin", sql`(lower(${t.firstName} || ' ' || ${t.lastName})) gin_trgm_ops`),
    index("contacts_phone_trgm_idx").using("gin", sql`${t.phone} gin_trgm_ops`),
  ],
);

export type Contact = typeof contacts.$inferSelect;
