import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, messageEvents } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { listHistory } from "@/lib/history/list-history";
import { getHistoryMessage } from "@/lib/history/message-detail";
import { answerCpsmsDeliveryReport } from "@/lib/sms/cpsms/delivery-webhook";
import { cpsmsPushedReport, parseCpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { applyDeliveryReport } from "./apply-delivery-report";
import { claimBatch } from "./claim-batch";
import { deliveryReportUrl, isValidDeliveryToken } from "./delivery-url";
import { guestMessages } from "./guest-messages";
import { listCampaignMessages } from "./list-campaign-messages";

const report = (status: number, receiver: string) =>
  cpsmsPushedReport(parseCpsmsDeliveryReport(`?status=${status}&receiver=${receiver}`)!);

describe("CPSMS delivery reports", () => {
  it("are monotonic, idempotent and tolerate early, duplicate and out-of-order reports", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9000);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    const receiver = phone!.slice(1);
    // Early: "buffered" arrives while our own send answer is still on its way: the message is pending.
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(4, receiver))).toBe(1);
    const [pending] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(pending).toMatchObject({ status: "buffered", errorMessage: expect.stringMatching(/phone is off/) });
    // A second "buffered" changes nothing.
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(4, receiver))).toBe(0);
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(1, receiver))).toBe(1);
    // Twice, and a late "buffered" and even "failed" after "delivered": nothing moves back.
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(1, receiver))).toBe(0);
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(2, receiver))).toBe(0);
    const [row] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(row?.status).toBe("delivered");
    // Identical reports are recorded once; the late "failed" is kept, marked as ignored, not as the latest status.
    const events = await getDb()
      .select()
      .from(messageEvents)
      .where(eq(messageEvents.messageId, claimed!.id))
      .orderBy(messageEvents.id);
    expect(events.map((e) => [e.status, e.source])).toEqual([
      ["buffered", "dlr"],
      ["delivered", "dlr"],
      ["failed", "dlr-ignored"],
    ]);
    expect(row?.deliveredAt).toBeInstanceOf(Date);
    expect(row?.errorMessage).toBeNull();
    // Unknown message: null (the route answers 404).
    expect(await applyDeliveryReport(getDb(), "nope", report(1, receiver))).toBeNull();
  });

  it("applies a burst of reports together, each answered on its own, with per-message order kept", async () => {
    const phones = phoneNumbers("cpsms", 300, 9100);
    const campaign = await quickCampaign("cpsms", phones);
    const claimed = await claimBatch(getDb(), campaign.id, 300);
    expect(claimed).toHaveLength(300);
    // Every message: "buffered" then "delivered" (every third "failed"), all fired at once, plus forged ones.
    const calls = claimed.flatMap((m, i) => [
      applyDeliveryReport(getDb(), m.reference!, report(4, m.phone.slice(1))),
      applyDeliveryReport(getDb(), m.reference!, report(i % 3 === 0 ? 2 : 1, m.phone.slice(1))),
    ]);
    const unknown = Array.from({ length: 20 }, (_, i) =>
      applyDeliveryReport(getDb(), `forged-${i}`, report(1, "4520000000")),
    );
    const results = await Promise.all(calls);
    expect(await Promise.all(unknown)).toEqual(Array(20).fill(null));
    expect(results).toEqual(Array(600).fill(1));
    const rows = await getDb()
      .select()
      .from(campaignMessages)
      .where(eq(campaignMessages.campaignId, campaign.id))
      .orderBy(campaignMessages.id);
    const expected = claimed.map((m, i) => [Number(m.id), i % 3 === 0 ? "undelivered" : "delivered"]);
    expect(rows.map((r) => [Number(r.id), r.status]).sort()).toEqual(expected.sort());
    const events = await getDb()
      .select()
      .from(messageEvents)
      .where(eq(messageEvents.messageId, claimed[0]!.id))
      .orderBy(messageEvents.id);
    expect(events.map((e) => e.status)).toEqual(["buffered", "failed"]);
  });

  it("records a replayed report URL once, and a forged verdict after delivery shows nowhere as the status", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9400);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    const url = new URL(deliveryReportUrl(claimed!.reference!, "sandbox")!);
    const replay = async (status: number, receiver = phone!.slice(1)) => {
      const query = new URLSearchParams(url.searchParams);
      query.set("status", String(status));
      query.set("receiver", receiver);
      return answerCpsmsDeliveryReport(query);
    };
    expect((await replay(1)).status).toBe(200);
    // The captured URL replayed, also with the receiver spelled differently: one timeline line all the same.
    for (let i = 0; i < 5; i++) expect((await replay(1)).status).toBe(200);
    expect((await replay(1, `00${phone!.slice(1)}`)).status).toBe(200);
    expect((await replay(1, phone!)).status).toBe(200);
    // Forged verdicts after delivery, each replayed too: they change nothing and are kept once, marked ignored.
    for (let i = 0; i < 3; i++) for (const status of [2, 4, 8, 99]) expect((await replay(status)).status).toBe(200);
    const detail = await getHistoryMessage(getDb(), claimed!.id);
    expect(detail?.message.status).toBe("delivered");
    expect(detail?.events.filter((e) => e.source.startsWith("dlr")).map((e) => [e.status, e.source])).toEqual([
      ["delivered", "dlr"],
      ["failed", "dlr-ignored"],
      ["buffered", "dlr-ignored"],
      ["abandoned", "dlr-ignored"],
      ["unknown", "dlr-ignored"],
    ]);
    expect(detail?.events.find((e) => e.source === "dlr-ignored")?.detail).toMatch(
      /^Ignored: it came after the message was delivered/,
    );
    // Every view reads the current status: history list, campaign page, guest page.
    const [listed] = (await listHistory(getDb(), { campaignId: campaign.id }, { timeZone: "Europe/Copenhagen" })).rows;
    expect(listed?.status).toBe("delivered");
    const { rows } = await listCampaignMessages(getDb(), campaign.id);
    expect(rows.map((r) => r.status)).toEqual(["delivered"]);
    const guest = await getDb().execute<{ id: string }>(
      sql`insert into contacts (phone, first_name, last_name, consent_state, opt_out_token) values (${phone!}, 'Replay', 'Guest', 'granted', ${`t${phone!.slice(1)}`}) on conflict (phone) do update set first_name = excluded.first_name returning id`,
    );
    await getDb()
      .update(campaignMessages)
      .set({ contactId: guest.rows[0]!.id })
      .where(eq(campaignMessages.id, claimed!.id));
    expect((await guestMessages(getDb(), { id: guest.rows[0]!.id })).map((m) => m.status)).toEqual(["delivered"]);
  });

  it("refuses a signed report with a NUL byte or another control character in any parameter (400, nothing stored)", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9500);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    const signed = (reference: string, extra: Record<string, string>) => {
      const query = new URL(deliveryReportUrl(reference, "sandbox")!).searchParams;
      for (const [k, v] of Object.entries(extra)) query.set(k, v);
      return answerCpsmsDeliveryReport(query);
    };
    const receiver = phone!.slice(1);
    const cases: Record<string, string>[] = [
      { status: "1", receiver: `${receiver}\u0000` },
      { status: "1\u0000", receiver },
      { status: "1", receiver: `\u0000${receiver}` },
      { status: "1", receiver, note: "a\u0000b" },
      { status: "1", receiver: `${receiver}\n` },
    ];
    for (const extra of cases) {
      const answer = await signed(claimed!.reference!, extra);
      expect(answer.status, JSON.stringify(extra)).toBe(400);
    }
    expect((await signed(`${claimed!.reference!}\u0000`, { status: "1", receiver })).status).toBe(400);
    expect((await signed(claimed!.reference!, { status: "1", receiver: "<script>" })).status).toBe(400);
    const [row] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(row?.status).not.toBe("delivered");
    expect(
      await getDb()
        .select()
        .from(messageEvents)
        .where(eq(messageEvents.messageId, claimed!.id))
        .then((e) => e.filter((x) => x.source === "dlr")),
    ).toEqual([]);
  });

  it("signs the callback URL so forged reports can be refused", () => {
    const url = new URL(deliveryReportUrl("abc-1", "sandbox")!);
    expect(url.pathname).toBe("/api/webhooks/cpsms");
    expect(isValidDeliveryToken("abc-1", url.searchParams.get("token")!)).toBe(true);
    expect(isValidDeliveryToken("abc-2", url.searchParams.get("token")!)).toBe(false);
    expect(isValidDeliveryToken("abc-1", "forged")).toBe(false);
  });
});
