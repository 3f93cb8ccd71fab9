import { and, eq, inArray } from "drizzle-orm";
import { campaignMessages } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { CpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";

/**
 * Applies a CPSMS delivery report to the message it is about (our reference + the receiving number). A report
 * never moves a message backwards, and a repeated report changes nothing.
 */
export async function applyCpsmsDeliveryReport(db: Database, reference: string, report: CpsmsDeliveryReport) {
  const phone = `+${report.receiver.replace(/^\+|^00/, "")}`;
  const where = and(
    eq(campaignMessages.reference, reference),
    eq(campaignMessages.phone, phone),
    inArray(campaignMessages.status, ["sending", "scheduled", "accepted"]),
  );
  const now = new Date();
  if (report.state === "delivered") {
    return (await db.update(campaignMessages).set({ status: "delivered", deliveredAt: now, statusChangedAt: now }).where(where).returning({ id: campaignMessages.id })).length;
  }
  if (report.state === "failed" || report.state === "abandoned") {
    const errorMessage = report.state === "failed" ? "The operator could not deliver it." : "Gave up: the phone stayed unreachable.";
    return (
      await db
        .update(campaignMessages)
        .set({ status: "undelivered", errorCode: `dlr_${report.statusCode}`, errorMessage, statusChangedAt: now })
        .where(where)
        .returning({ id: campaignMessages.id })
    ).length;
  }
  // Buffered (phone off, retrying) or unknown: still on its way; note it without changing the status.
  return (
    await db
      .update(campaignMessages)
      .set({ errorMessage: report.state === "buffered" ? "Waiting: the phone is off or out of reach." : null })
      .where(where)
      .returning({ id: campaignMessages.id })
  ).length;
}
