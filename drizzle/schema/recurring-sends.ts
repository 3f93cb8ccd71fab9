import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { users } from "./users";

/** What a repeating send sends: the compose form's audience and message, re-resolved at every run. */
export type RecurringMessage = {
  category: "marketing" | "transactional";
  groupIds: string[];
  contactIds: string[];
  numbers: string;
  message: string;
  optOutFooter: boolean;
  footerLanguage: "en" | "da" | "ur";
  /** The same message in other languages (absent in sends set up before languages). */
  translations?: { language: "en" | "da" | "ur"; message: string }[];
  provider: "auto" | "cpsms" | "smsapp";
  sender: string;
  /** "Shorten and track links" (absent in sends set up before tracked links: off). */
  trackLinks?: boolean;
  expireAfterMinutes: number | null;
};

/**
 * A send that repeats every week on chosen days at a local time (e.g. every Friday 16:00), with dates to skip
 * (holidays, closures). Each run creates ordinary campaigns, so consent and suppression are checked afresh.
 */
export const recurringSends = pgTable(
  "recurring_sends",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    content: jsonb().$type<RecurringMessage>().notNull(),
    /** 0 = Sunday … 6 = Saturday, in the restaurant's time zone. */
    weekdays: integer().array().notNull(),
    /** "HH:MM", restaurant time. */
    localTime: text().notNull(),
    /** "YYYY-MM-DD" local dates on which nothing is sent. */
    skipDates: text().array().notNull().default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true }),
    lastRunAt: timestamp({ withTimezone: true }),
    /** What the last run did, in words for staff ("Sent to 212 guests", "Skipped: 24 Dec", an error). */
    lastOutcome: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("recurring_sends_due_idx").on(t.active, t.nextRunAt)],
);

export type RecurringSend = typeof recurringSends.$inferSelect;
