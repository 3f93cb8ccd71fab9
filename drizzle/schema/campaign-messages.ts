import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { MESSAGE_STATUSES } from "./campaign-statuses";
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
    /** smsapp.pk `uid` when known. */
    providerMessageId: text(),
    /** Provider units charged (CPSMS points, smsapp.pk units). */
    cost: numeric({ precision: 12, scale: 3, mode: "number" }),
    errorCode: text(),
    errorMessage: text(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("campaign_messages_campaign_phone_key").on(t.campaignId, t.phone),
    index("campaign_messages_reference_idx").on(t.reference),
    index("campaign_messages_campaign_status_idx").on(t.campaignId, t.status, t.id),
    index("campaign_messages_provider_id_idx").on(t.providerMessageId),
  ],
);

export type CampaignMessage = typeof campaignMessages.$inferSelect;
