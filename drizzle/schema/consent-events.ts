import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { users } from "./users";

export const CONSENT_SOURCES = [
  "in_person",
  "web_form",
  "import",
  "opt_out_link",
  "staff",
  "gdpr",
  "signup_page",
  "api",
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * The consent ledger: every grant and withdrawal, never updated, as the proof Danish marketing law and GDPR ask
 * for (who, when, how, and the exact wording the guest agreed to).
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    state: text({ enum: ["granted", "withdrawn"] }).notNull(),
    source: text({ enum: CONSENT_SOURCES }).notNull(),
    /** The consent text shown to the guest (required for grants). */
    wording: text(),
    /** For a sign-up page grant: the source the guest came from (its name then: "Table tent"). */
    sourceName: text(),
    recordedById: uuid().references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_events_contact_idx").on(t.contactId, t.occurredAt)],
);

export type ConsentEvent = typeof consentEvents.$inferSelect;
