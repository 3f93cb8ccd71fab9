import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AUTOMATION_KINDS } from "./automation-kinds";
import { campaigns } from "./campaigns";
import { contacts } from "./contacts";
import type { PerLanguage } from "./signup-settings";
import { users } from "./users";

export { AUTOMATION_KINDS, type AutomationKind } from "./automation-kinds";

/**
 * An automation's settings (Automations > <kind>): the text per guest language with its optional offer, the
 * switch, the kind's timing and the share of eligible guests kept as a control group. Fields a kind doesn't use
 * keep their defaults (a birthday has no lapse).
 */
export const automations = pgTable(
  "automations",
  {
    kind: text({ enum: AUTOMATION_KINDS }).primaryKey(),
    enabled: boolean().notNull().default(false),
    message: jsonb().$type<PerLanguage>().notNull().default({}),
    offer: jsonb().$type<PerLanguage>().notNull().default({}),
    /** Birthday: days before the birthday, and the local time (restaurant's zone) it goes out. */
    daysBefore: integer().notNull().default(3),
    sendAt: text().notNull().default("10:00"),
    /** Win-back: days without a visit, after at least this many visits. */
    lapseDays: integer().notNull().default(60),
    minVisits: integer().notNull().default(2),
    /** After-visit: hours after the visit. */
    hoursAfter: integer().notNull().default(3),
    /** Percent of eligible guests kept as the control group (never texted), 0 = none. */
    holdoutPercent: integer().notNull().default(0),
    /** An offer's codes are valid this many days from the text that carries them. */
    offerValidDays: integer().notNull().default(14),
    lastRunAt: timestamp({ withTimezone: true }),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("automations_days_before_check", sql`${t.daysBefore} between 0 and 60`),
    check("automations_lapse_days_check", sql`${t.lapseDays} between 7 and 730`),
    check("automations_min_visits_check", sql`${t.minVisits} between 1 and 100`),
    check("automations_hours_after_check", sql`${t.hoursAfter} between 1 and 168`),
    check("automations_offer_valid_days_check", sql`${t.offerValidDays} between 1 and 365`),
    check("automations_holdout_check", sql`${t.holdoutPercent} between 0 and 50`),
    check("automations_send_at_check", sql`${t.sendAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

export type Automation = typeof automations.$inferSelect;

/**
 * One occurrence of an automation for one guest (a birthday of one year, one lapse, one visit's thank-you, the
 * welcome): the idempotency key. The unique index is what makes a text go out once however many evaluations
 * run, in however many instances; the row is written in the same transaction as the campaign that texts it.
 * A guest in the control group gets a row with `holdout` and no campaign: recorded, never texted.
 */
export const automationOccurrences = pgTable(
  "automation_occurrences",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text({ enum: AUTOMATION_KINDS }).notNull(),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** "2027" (the birthday's year), "lapse:<last visit>", "visit:<visit id>", "once" (the welcome). */
    occurrenceKey: text().notNull(),
    /** When it was due by the automation's rule (the holdout's 30-day visit window starts here). */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    holdout: boolean().notNull().default(false),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("automation_occurrences_key").on(t.kind, t.contactId, t.occurrenceKey),
    index("automation_occurrences_due_idx").on(t.kind, t.dueAt),
    index("automation_occurrences_campaign_idx").on(t.campaignId),
  ],
);

export type AutomationOccurrence = typeof automationOccurrences.$inferSelect;
