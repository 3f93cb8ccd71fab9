import type { MessageStatus } from "@/drizzle/schema";

export type StatusCounts = Partial<Record<MessageStatus, number>>;

/** The numbers a manager reads on a campaign: how far it got and how it went. */
export function summarizeProgress(counts: StatusCounts, total: number) {
  const n = (s: MessageStatus) => counts[s] ?? 0;
  const sent = n("accepted") + n("buffered") + n("delivered") + n("undelivered") + n("unknown") + n("scheduled");
  const failed = n("rejected") + n("failed");
  const pending = n("queued") + n("sending");
  const stopped = n("cancelled") + n("expired");
  return {
    total,
    sent,
    delivered: n("delivered"),
    undelivered: n("undelivered"),
    failed,
    pending,
    stopped,
    /** Share of recipients dealt with (sent, refused or stopped), for the progress bar. */
    percentDone: total === 0 ? 100 : Math.floor(((total - pending) / total) * 100),
  };
}
