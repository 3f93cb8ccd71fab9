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

/**
 * The states in English for the history CSV export only (a file's columns stay the same whoever downloads it).
 * Pages show `History.states.*` and explain them with `History.stateHelp.*`.
 */
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
