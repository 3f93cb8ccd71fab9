import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";

/**
 * One recipient's short link for one URL of one campaign's text (`PUBLIC_URL/l/<code>`): written in the same
 * transaction as the campaign's messages, so every link in a sent text exists, and a click tells us who clicked
 * what. The code is random (not derived from the guest), so links can't be walked.
 */
export const trackedLinks = pgTable(
  "tracked_links",
  {
    code: text().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The guest, when the number came from the guest book. */
    contactId: uuid(),
    /** E.164: with the campaign, the message the link was sent in (campaign_messages is unique on both). */
    phone: text().notNull(),
    /** Where the link goes, exactly as staff wrote it. */
    url: text().notNull(),
    /** After this, /l/<code> shows a friendly "this link has expired" page instead of redirecting. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tracked_links_campaign_idx").on(t.campaignId, t.contactId)],
);

export type TrackedLink = typeof trackedLinks.$inferSelect;

/**
 * Every request for a short link, once each (the redirect answers after this row is written). `bot` marks link
 * previewers and crawlers (by user agent, a HEAD request, or a request too soon after the text was sent for a
 * person to have read it), with the reason; reports count unique human clicks per recipient.
 */
export const linkClicks = pgTable(
  "link_clicks",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    code: text()
      .notNull()
      .references(() => trackedLinks.code, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    bot: boolean().notNull().default(false),
    /** Why it is counted as a bot: "user_agent", "head", "too_soon"; null for a person. */
    botReason: text({ enum: ["user_agent", "head", "too_soon"] }),
    /** Truncated; kept to explain the bot verdict, never shown outside reports. */
    userAgent: text(),
  },
  (t) => [
    index("link_clicks_code_idx").on(t.code, t.at),
    index("link_clicks_human_idx").on(t.code).where(sql`not ${t.bot}`),
  ],
);

export type LinkClick = typeof linkClicks.$inferSelect;
