import { and, eq, inArray } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { CpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { recordEvents } from "./message-events";

const DETAIL: Record<CpsmsDeliveryReport["state"], string | null> = {
  delivered: null,
  failed: "The operator could not deliver it.",
  abandoned: "Gave up: the phone stayed unreachable.",
  buffered: "Waiting: the phone is off or out of reach; the operator keeps trying.",
  unknown: "CPSMS sent a status code we don't know.",
};

/**
 * Applies a CPSMS delivery report to the message it is about (our reference + the receiving number).
 * Monotonic: a report never moves a message backwards (a late "buffered" after "delivered" changes nothing),
 * and a repeated report changes nothing, but every report is kept on the message's timeline.
 * Returns how many messages changed status; null when no message matches.
 */
export async function applyCpsmsDeliveryReport(db: Database, reference: string, report: CpsmsDeliveryReport): Promise<number | null> {
  const phone = `+${report.receiver.replace(/^\+|^00/, "")}`;
  const matches = await db
    .select({ id: campaignMessages.id })
    .from(campaignMessages)
    .where(and(eq(campaignMessages.reference, reference), eq(campaignMessages.phone, phone)));
  if (matches.length === 0) return null;
  const ids = matches.map((m) => m.id);
  await recordEvents(db, "dlr", ids.map((messageId) => ({ messageId, status: report.state, detail: DETAIL[report.state] })));

  // A report can beat our own "accepted" write (the send answer is still on its way): "sending" counts as open.
  const open = and(inArray(campaignMessages.id, ids), inArray(campaignMessages.status, ["sending", "scheduled", "accepted"]));
  const now = new Date();
  if (report.state === "delivered") {
    const rows = await db.update(campaignMessages).set({ status: "delivered", deliveredAt: now, statusChangedAt: now }).where(open).returning({ id: campaignMessages.id });
    return rows.length;
  }
  if (report.state === "failed" || report.state === "abandoned") {
    const rows = await db
      .update(campaignMessages)
      .set({ status: "undelivered", errorCode: `dlr_${report.statusCode}`, errorMessage: DETAIL[report.state], statusChangedAt: now })
      .where(open)
      .returning({ id: campaignMessages.id });
    return rows.length;
  }
  // Buffered or unknown: still on its way. Say so on the message without changing its status.
  await db.update(campaignMessages).set({ errorMessage: DETAIL[report.state] }).where(open);
  return 0;
}
