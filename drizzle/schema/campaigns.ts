import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CAMPAIGN_STATUSES } from "./campaign-statuses";
import { timestamps } from "./columns";
import { offers } from "./offers";
import { recurringSends } from "./recurring-sends";
import { users } from "./users";

export const CAMPAIGN_ORIGINS = ["compose", "signup_confirmation", "welcome", "automation"] as const;
export type CampaignOrigin = (typeof CAMPAIGN_ORIGINS)[number];

/**
 * One message sent (or to be sent) to many guests through one provider. The recipients and their rendered
 * texts are fixed when the campaign is created: see campaign_messages.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    provider: text({ enum: ["cpsms", "smsapp"] }).notNull(),
    /** null = the provider's default sender. */
    sender: text(),
    /** The template as written, with merge fields: the main version (guests without a version of their own). */
    body: text().notNull(),
    /** The main version's language (and its opt-out footer's); null for campaigns from before languages. */
    language: text({ enum: ["da", "en", "ur"] }),
    /** The same message in other languages: each guest whose language has one gets it (campaign_messages.body). */
    translations: jsonb().$type<{ language: "da" | "en" | "ur"; message: string }[]>().notNull().default([]),
    /**
     * Who wrote it: staff ("compose", with repeating sends), or the sign-up page ("signup_confirmation": the
     * double opt-in text; "welcome"), or an automation ("automation": birthday, welcome, win-back, after-visit). The campaign list shows staff campaigns; history shows every message.
     */
    origin: text({ enum: CAMPAIGN_ORIGINS }).notNull().default("compose"),
    category: text({ enum: ["marketing", "transactional"] })
      .notNull()
      .default("marketing"),
    status: text({ enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    /** When it goes out; null = as soon as it is queued. */
    scheduledAt: timestamp({ withTimezone: true }),
    /**
     * Who holds a scheduled campaign until it is due: CPSMS holds it itself (its `timestamp`), smsapp.pk
     * sends are held by our own job queue.
     */
    scheduledVia: text({ enum: ["provider", "queue"] }),
    /** Not sent at all if we are more than this late (e.g. after an outage): a lunch offer at dinner is worse. */
    expireAfterMinutes: integer(),
    optOutFooter: boolean().notNull().default(false),
    /** Each URL in the text went out as the recipient's own short link (tracked_links). */
    trackLinks: boolean().notNull().default(false),
    /** The offer each recipient's `{offer_code}` redeems (offer_codes), when the text carries one. */
    offerId: uuid().references((): AnyPgColumn => offers.id, { onDelete: "set null" }),
    recipientCount: integer().notNull().default(0),
    /** Why sending stopped by itself (provider errors, credit), in words for the manager. */
    pauseReason: text(),
    /**
     * Which dispatcher may send this campaign, until when. Renewed while sending; a crashed dispatcher's lease
     * simply runs out and the sweeper hands the campaign to another one (see lib/campaigns/dispatch-lease.ts).
     */
    leaseOwner: text(),
    /**
     * smsapp.pk history size when the current dispatch run began: after a crash, only entries past it can be
     * this campaign's in-flight messages (see lib/campaigns/reconcile.ts).
     */
    historyMark: integer(),
    leaseUntil: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    /** Set when a repeating send created it: which one, and for which local date (one run per date). */
    recurringSendId: uuid().references(() => recurringSends.id, { onDelete: "set null" }),
    /**
     * Campaigns written by one compose submission (one per provider when routing splits the audience): a staff
     * draft routed to both providers is approved, shown and cancelled as one.
     */
    submissionId: uuid(),
    occurrence: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("campaigns_status_idx").on(t.status, t.scheduledAt),
    index("campaigns_created_idx").on(t.createdAt),
    index("campaigns_submission_idx").on(t.submissionId),
    // Staff's campaign list and history's campaign filter read one origin, newest first: without this, every
    // view scanned past each sign-up's confirmation and welcome texts.
    index("campaigns_origin_created_idx").on(t.origin, t.createdAt, t.id),
    // However many instances run the schedule, one occurrence creates one campaign per provider.
    uniqueIndex("campaigns_occurrence_key").on(t.recurringSendId, t.occurrence, t.provider),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
