import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { campaignMessages } from "./campaign-messages";

/**
 * Every status a message went through, with where the news came from: the timeline on a message's page, and
 * the evidence when a guest says "I never got it". Reports that arrive late or twice still leave a line here,
 * even when they don't change the message's status.
 */
export const messageEvents = pgTable(
  "message_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint({ mode: "number" })
      .notNull()
      .references(() => campaignMessages.id, { onDelete: "cascade" }),
    status: text().notNull(),
    /** dispatch | reconcile | dlr | poll | staff | schedule */
    source: text().notNull(),
    detail: text(),
    /** A fingerprint of the provider's report (its parameters): the same report replayed is recorded once. */
    reportKey: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("message_events_message_idx").on(t.messageId, t.at),
    uniqueIndex("message_events_report_key").on(t.messageId, t.reportKey).where(sql`${t.reportKey} is not null`),
  ],
);
