// Plain constants (no drizzle imports): client components use them for badges and filters.
import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";

/**
 * The one delivery-status model staff see, the same for both providers. Each stored status (which also records
 * how the engine got there: sending, scheduled, rejected ...) falls in exactly one of these.
 */
export const DELIVERY_STATES = [
  "queued",
  "scheduled",
  "accepted",
  "buffered",
  "delivered",
  "failed",
  "expired",
  "unknown",
  "cancelled",
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DELIVERY_STATE_OF: Record<MessageStatus, DeliveryState> = {
  queued: "queued",
  sending: "queued",
  scheduled: "scheduled",
  accepted: "accepted",
  buffered: "buffered",
  delivered: "delivered",
  undelivered: "failed",
  rejected: "failed",
  failed: "failed",
  expired: "expired",
  unknown: "unknown",
  cancelled: "cancelled",
};

/** The stored statuses behind each state (for filters). */
export const STATUSES_IN: Record<DeliveryState, MessageStatus[]> = Object.fromEntries(
  DELIVERY_STATES.map((state) => [
    state,
    (Object.keys(DELIVERY_STATE_OF) as MessageStatus[]).filter((s) => DELIVERY_STATE_OF[s] === state),
  ]),
) as Record<DeliveryState, MessageStatus[]>;

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  queued: "Queued",
  scheduled: "Scheduled",
  accepted: "Accepted by provider",
  buffered: "Pending (buffered)",
  delivered: "Delivered",
  failed: "Failed",
  expired: "Expired",
  unknown: "Unknown",
  cancelled: "Cancelled",
};

/** What each state means, in words for staff. */
export const DELIVERY_STATE_HELP: Record<DeliveryState, string> = {
  queued: "Waiting to be handed to the provider.",
  scheduled: "CPSMS holds it and sends it at the scheduled time; not sent yet.",
  accepted: "The provider took it; no word from the phone network yet.",
  buffered: "The phone is off or out of reach; the operator keeps trying.",
  delivered: "It reached the guest's phone.",
  failed: "It didn't reach the guest. The reason says why.",
  expired: "Not sent: it would have gone out too late to be worth it.",
  unknown: "Sent, but the provider never said whether it arrived.",
  cancelled: "Not sent: the campaign was cancelled.",
};

export type BadgeVariant = "success" | "warning" | "destructive" | "secondary" | "outline";
export const DELIVERY_STATE_VARIANT: Record<DeliveryState, BadgeVariant> = {
  queued: "outline",
  scheduled: "outline",
  accepted: "secondary",
  buffered: "warning",
  delivered: "success",
  failed: "destructive",
  expired: "warning",
  unknown: "outline",
  cancelled: "outline",
};

/** Statuses the poller keeps asking about. */
export const FOLLOWED_STATUSES = ["accepted", "buffered"] as const satisfies readonly MessageStatus[];

export function isDeliveryState(value: unknown): value is DeliveryState {
  return typeof value === "string" && (DELIVERY_STATES as readonly string[]).includes(value);
}

/**
 * smsapp.pk's free-text status label in plain language. The provider's own wording is kept at the end so
 * nothing is lost in translation.
 */
export function smsappReason(label: string): string {
  const said = `(smsapp.pk said “${label}”)`;
  if (/^(undeliv|undelivered|failed|failure)/i.test(label)) return `The operator could not deliver it ${said}.`;
  if (/^expired/i.test(label)) return `The operator gave up: the phone stayed unreachable ${said}.`;
  if (/^(rejected|rejectd)/i.test(label)) return `The operator refused it ${said}.`;
  if (/^(blocked|blacklist)/i.test(label) || /blacklist/i.test(label))
    return `The number is blocked or blacklisted ${said}.`;
  if (/^insufficient/i.test(label)) return `Not enough balance at smsapp.pk ${said}.`;
  if (/^invalid/i.test(label)) return `The number or request was not valid ${said}.`;
  if (/^deleted/i.test(label)) return `Deleted before it was sent ${said}.`;
  return `It was not delivered ${said}.`;
}
