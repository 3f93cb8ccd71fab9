// Plain constants (no drizzle imports), so client components can use them without pulling in the ORM.

export const CAMPAIGN_STATUSES = [
  "draft",
  "scheduled",
  "queued",
  "sending",
  "paused",
  "completed",
  "cancelled",
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MESSAGE_STATUSES = [
  "queued", // written, not yet handed to the provider
  "sending", // claimed by a dispatcher; the provider may or may not have it (reconciled after a crash)
  "scheduled", // accepted by CPSMS for later sending (its `timestamp`)
  "accepted", // the provider took it
  "buffered", // delivery report: the phone is off or out of reach; the operator keeps trying (pending)
  "delivered", // delivery report: on the handset
  "undelivered", // delivery report: failed for good
  "rejected", // the provider refused this recipient (bad number, ...)
  "failed", // not sent: the provider failed or the campaign was stopped by errors
  "cancelled", // the campaign was cancelled before it went out
  "expired", // too late to be worth sending
  "unknown", // sent, but no final report came within the follow-up horizon
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The frequency cap counts a promotion in these statuses: sent, held by the provider for its time, or being
 * handed over right now (it may already be with the provider). Not queued (not yet sent), rejected, failed,
 * cancelled or expired (never sent), nor undelivered (the provider said for good that it never arrived).
 */
export const CAP_COUNTED_STATUSES = [
  "sending",
  "scheduled",
  "accepted",
  "buffered",
  "delivered",
  "unknown",
] as const satisfies readonly MessageStatus[];
