import { integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** A text per guest language; a language left empty falls back to the restaurant's default (then English). */
export type PerLanguage = Partial<Record<"da" | "en" | "ur", string>>;

/**
 * Settings > Sign-up: one row (id = 1). The consent wording per language is what the page shows above the
 * button and what the ledger records. The welcome text is the Welcome automation's (drizzle/schema/automations.ts),
 * for every new consent, the sign-up page's included.
 */
export const signupSettings = pgTable("signup_settings", {
  id: integer().primaryKey().default(1),
  consentWording: jsonb().$type<PerLanguage>().notNull().default({}),
  /** Hours an unconfirmed sign-up waits for its confirmation. */
  expiryHours: integer().notNull().default(48),
  /** Confirmation texts per hour: overall, and per country calling code. */
  hourlyCap: integer().notNull().default(60),
  hourlyCapPerCountry: integer().notNull().default(30),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type SignupSettings = typeof signupSettings.$inferSelect;
