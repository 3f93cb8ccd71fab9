import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, messageEvents } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { parseCpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { applyCpsmsDeliveryReport } from "./apply-delivery-report";
import { claimBatch } from "./claim-batch";
import { deliveryReportUrl, isValidDeliveryToken } from "./delivery-url";

const report = (status: number, receiver: string) => parseCpsmsDeliveryReport(`?status=${status}&receiver=${receiver}`)!;

describe("CPSMS delivery reports", () => {
  it("are monotonic, idempotent and tolerate early, duplicate and out-of-order reports", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9000);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    const receiver = phone!.slice(1);
    // Early: "buffered" arrives while our own send answer is still on its way: the message is pending.
    expect(await applyCpsmsDeliveryReport(getDb(), claimed!.reference!, report(4, receiver))).toBe(1);
    const [pending] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(pending).toMatchObject({ status: "buffered", errorMessage: expect.stringMatching(/phone is off/) });
    // A second "buffered" changes nothing.
    expect(await applyCpsmsDeliveryReport(getDb(), claimed!.reference!, report(4, receiver))).toBe(0);
    expect(await applyCpsmsDeliveryReport(getDb(), claimed!.reference!, report(1, receiver))).toBe(1);
    // Twice, and a late "buffered" and even "failed" after "delivered": nothing moves back.
    expect(await applyCpsmsDeliveryReport(getDb(), claimed!.reference!, report(1, receiver))).toBe(0);
    expect(await applyCpsmsDeliveryReport(getDb(), claimed!.reference!, report(2, receiver))).toBe(0);
    const [row] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(row?.status).toBe("delivered");
    const events = await getDb().select().from(messageEvents).where(eq(messageEvents.messageId, claimed!.id)).orderBy(messageEvents.id);
    expect(events.map((e) => e.status)).toEqual(["buffered", "buffered", "delivered", "delivered", "failed"]);
    expect(row?.deliveredAt).toBeInstanceOf(Date);
    expect(row?.errorMessage).toBeNull();
    // Unknown message: null (the route answers 404).
    expect(await applyCpsmsDeliveryReport(getDb(), "nope", report(1, receiver))).toBeNull();
  });

  it("applies a burst of reports together, each answered on its own, with per-message order kept", async () => {
    const phones = phoneNumbers("cpsms", 300, 9100);
    const campaign = await quickCampaign("cpsms", phones);
    const claimed = await claimBatch(getDb(), campaign.id, 300);
    expect(claimed).toHaveLength(300);
    // Every message: "buffered" then "delivered" (every third "failed"), all fired at once, plus forged ones.
    const calls = claimed.flatMap((m, i) => [
      applyCpsmsDeliveryReport(getDb(), m.reference!, report(4, m.phone.slice(1))),
      applyCpsmsDeliveryReport(getDb(), m.reference!, report(i % 3 === 0 ? 2 : 1, m.phone.slice(1))),
    ]);
    const unknown = Array.from({ length: 20 }, (_, i) => applyCpsmsDeliveryReport(getDb(), `forged-${i}`, report(1, "4520000000")));
    const results = await Promise.all(calls);
    expect(await Promise.all(unknown)).toEqual(Array(20).fill(null));
    expect(results).toEqual(Array(600).fill(1));
    const rows = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id)).orderBy(campaignMessages.id);
    const expected = claimed.map((m, i) => [Number(m.id), i % 3 === 0 ? "undelivered" : "delivered"]);
    expect(rows.map((r) => [Number(r.id), r.status]).sort()).toEqual(expected.sort());
    const events = await getDb().select().from(messageEvents).where(eq(messageEvents.messageId, claimed[0]!.id)).orderBy(messageEvents.id);
    expect(events.map((e) => e.status)).toEqual(["buffered", "failed"]);
  });

  it("signs the callback URL so forged reports can be refused", () => {
    const url = new URL(deliveryReportUrl("abc-1", "sandbox")!);
    expect(url.pathname).toBe("/api/webhooks/cpsms");
    expect(isValidDeliveryToken("abc-1", url.searchParams.get("token")!)).toBe(true);
    expect(isValidDeliveryToken("abc-2", url.searchParams.get("token")!)).toBe(false);
    expect(isValidDeliveryToken("abc-1", "forged")).toBe(false);
  });
});
