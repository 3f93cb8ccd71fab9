import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CAP_COUNTED_STATUSES, MESSAGE_STATUSES } from "./campaign-statuses";
import { campaigns } from "./campaigns";

/**
 * One row per recipient of a campaign, written before anything is sent. (campaign, phone) is unique: the
 * idempotency key that makes a second dispatch, a retry or a resumed crash unable to text a guest twice.
 */
export const campaignMessages = pgTable(
  "campaign_messages",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** The guest-book contact, when the number came from one (pasted numbers have none). */
    contactId: uuid(),
    /** E.164. */
    phone: text().notNull(),
    /** The text as this guest receives it (merge fields filled in). */
    body: text().notNull(),
    segments: integer().notNull(),
    encoding: text({ enum: ["GSM-7", "UCS-2"] }).notNull(),
    status: text({ enum: MESSAGE_STATUSES }).notNull().default("queued"),
    /**
     * Our id for the provider request that carried this message (CPSMS `reference`, in the delivery-report URL),
     * set when a dispatcher claims it. Recipients sharing one CPSMS request share it; the phone tells them apart.
     */
    reference: text(),
    /**
     * The sender the provider says it used (its answer, log or history), when known. Can differ from the
     * campaign's chosen sender: smsapp.pk's bulk API always uses the account's default sender ID.
     */
    sender: text(),
    /**
     * When the guest withdrew consent (or the number was suppressed) while the provider already held this
     * message, and why. Set until the message is deleted at the provider (then "cancelled"); if the provider no
     * longer allows deleting it (CPSMS: the last 10 minutes), it stays set and the pages say it may still go out.
     */
    stopRequestedAt: timestamp({ withTimezone: true }),
    stopReason: text(),
    /** smsapp.pk `uid` when known. */
    providerMessageId: text(),
    /** Provider units charged (CPSMS points, smsapp.pk units). */
    cost: numeric({ precision: 12, scale: 3, mode: "number" }),
    errorCode: text(),
    errorMessage: text(),
    claimedAt: timestamp({ withTimezone: true }),
    /**
     * A promotion's moment for the frequency cap (lib/marketing/frequency-cap.ts): when the guest gets it, set
     * each time a dispatcher claims it (now, or CPSMS's send time for a message it holds). Null for
     * transactional messages and for promotions never claimed. Counted only while the status is one of
     * CAP_COUNTED_STATUSES (a promotion that failed or was put back in the queue no longer counts).
     */
    promotionAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Where the message sits in history: when it went out, or when it was written if it hasn't (yet). The
     * history's keyset cursor is (listed_at, id), newest first.
     */
    listedAt: timestamp({ withTimezone: true })
      .notNull()
      .generatedAlwaysAs((): SQL => sql`coalesce(${campaignMessages.sentAt}, ${campaignMessages.createdAt})`),
  },
  (t) => [
    uniqueIndex("campaign_messages_campaign_phone_key").on(t.campaignId, t.phone),
    index("campaign_messages_reference_idx").on(t.reference),
    index("campaign_messages_campaign_status_idx").on(t.campaignId, t.status, t.id),
    index("campaign_messages_provider_id_idx").on(t.providerMessageId),
    // History: newest first, by status, by guest, and phone search (pg_trgm, see 0004_history_extensions).
    index("campaign_messages_listed_idx").on(t.listedAt, t.id),
    index("campaign_messages_status_listed_idx").on(t.status, t.listedAt, t.id),
    index("campaign_messages_contact_idx").on(t.contactId),
    // The frequency cap: a guest's counted promotions around a moment, probed per number inside the claim ...
    index("campaign_messages_promotion_idx").on(t.phone, t.promotionAt).where(capCounted(t)),
    // ... and every number's within a window, for an audience of 100,000 (compose, the automation preview):
    // read from the index alone instead of scanning every message ever sent.
    index("campaign_messages_promotion_window_idx").on(t.promotionAt, t.phone).where(capCounted(t)),
    index("campaign_messages_phone_trgm_idx").using("gin", t.phone.op("gin_trgm_ops")),
    // The delivery poller's work list: open messages, least recently looked at first.
    // Held messages still to be deleted at the provider after a withdrawal (a handful at most).
    index("campaign_messages_stop_idx")
      .on(t.stopRequestedAt)
      .where(sql`${t.stopRequestedAt} is not null and ${t.status} in ('sending', 'scheduled')`),
    index("campaign_messages_followed_idx").on(t.statusChangedAt).where(sql`${t.status} in ('accepted', 'buffered')`),
    // History's sender filter asks each campaign for a message with a reported sender: without this, a campaign
    // whose provider reports none (CPSMS) was read message by message on every history page view.
    index("campaign_messages_sender_idx").on(t.campaignId, t.sender).where(sql`${t.sender} is not null`),
  ],
);

/** The frequency cap's partial-index condition: a promotion it counts (see CAP_COUNTED_STATUSES). */
function capCounted(t: { promotionAt: AnyPgColumn; status: AnyPgColumn }): SQL {
  return sql`${t.promotionAt} is not null and ${t.status} in (${sql.raw(CAP_COUNTED_STATUSES.map((s) => `'${s}'`).join(", "))})`;
}

export type CampaignMessage = typeof campaignMessages.$inferSelect;
