import type { MessageStatus } from "@/drizzle/schema/campaign-statuses";

export type StatusCounts = Partial<Record<MessageStatus, number>>;

/**
 * Which stored statuses each figure counts. The campaign page, the campaigns list, history and the dashboard all
 * count through these, so they can never disagree. A message is "sent" once a provider confirmed it went out
 * (accepted, then delivered or not); a message CPSMS holds for later is "scheduled", not sent, until its time has
 * passed and CPSMS confirmed it (a delivery report or its log). "Failed" includes messages that went out and
 * never arrived (undelivered) as well as ones the provider refused.
 */
export const TALLY = {
  sent: ["accepted", "buffered", "delivered", "undelivered", "unknown"],
  delivered: ["delivered"],
  failed: ["undelivered", "rejected", "failed"],
  scheduled: ["scheduled"],
  waiting: ["queued", "sending"],
  stopped: ["cancelled", "expired"],
} as const satisfies Record<string, readonly MessageStatus[]>;

export type TallyKey = keyof typeof TALLY;
export type Tally = Record<TallyKey, number>;

/** Counts per figure from counts per stored status. */
export function tally(counts: StatusCounts): Tally {
  const sum = (statuses: readonly MessageStatus[]) => statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return {
    sent: sum(TALLY.sent),
    delivered: sum(TALLY.delivered),
    failed: sum(TALLY.failed),
    scheduled: sum(TALLY.scheduled),
    waiting: sum(TALLY.waiting),
    stopped: sum(TALLY.stopped),
  };
}

/** The numbers a manager reads on a campaign: how far it got and how it went. */
export function summarizeProgress(counts: StatusCounts, total: number) {
  const t = tally(counts);
  // Settled = went out, refused, or stopped; held and waiting messages haven't happened yet.
  const settled = t.sent + (counts.rejected ?? 0) + (counts.failed ?? 0) + t.stopped;
  return {
    total,
    ...t,
    /** Share of recipients dealt with (sent, refused or stopped), for the progress bar. */
    percentDone: total === 0 ? 100 : Math.min(100, Math.floor((settled / total) * 100)),
  };
}
