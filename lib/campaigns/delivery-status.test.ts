import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignMessages, MESSAGE_STATUSES, messageEvents } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { cpsmsPushedReport, parseCpsmsDeliveryReport } from "@/lib/sms/cpsms/dlr";
import { smsappReason } from "@/lib/sms/smsapp/reason";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { applyDeliveryReport } from "./apply-delivery-report";
import { claimBatch } from "./claim-batch";
import { DELIVERY_STATE_OF, DELIVERY_STATES, STATUSES_IN } from "./delivery-status";
import { dispatchCampaign } from "./dispatch-campaign";
import { pollDeliveryStatus } from "./poll-delivery";
import { recordOutcomes } from "./record-results";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { dlr: { delayMs: 1 } }, smsapp: { delivery: { delayMs: 1 } } });
});
afterAll(() => sandboxes.stop());
beforeEach(() => {
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
});

const report = (status: number, receiver: string) =>
  cpsmsPushedReport(parseCpsmsDeliveryReport(`?status=${status}&receiver=${receiver}`)!);
const options = () => ({ sessions: sandboxSessions(sandboxes), sleep: async () => {} });

describe("one delivery-status model", () => {
  it("puts every stored status in exactly one of the states staff see", () => {
    for (const s of MESSAGE_STATUSES) expect(DELIVERY_STATES).toContain(DELIVERY_STATE_OF[s]);
    expect(Object.values(STATUSES_IN).flat().sort()).toEqual([...MESSAGE_STATUSES].sort());
    expect(STATUSES_IN.failed.sort()).toEqual(["failed", "rejected", "undelivered"]);
  });

  it("says smsapp.pk's reasons in plain words and keeps its own", () => {
    expect(smsappReason("Undelivered")).toBe("The operator could not deliver it (smsapp.pk said “Undelivered”).");
    expect(smsappReason("Number contain in blacklist")).toMatch(/blacklisted/);
    expect(smsappReason("Weird")).toMatch(/“Weird”/);
  });
});

describe("delivery reports racing the send answer", () => {
  it("a report that beats the provider's answer keeps its verdict and still gets the cost and send time", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9100);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    expect(await applyDeliveryReport(getDb(), claimed!.reference!, report(1, phone!.slice(1)))).toBe(1);
    await recordOutcomes(getDb(), [
      {
        id: claimed!.id,
        status: "accepted",
        cost: 1,
        segments: 1,
        providerMessageId: null,
        sender: null,
        errorCode: null,
        errorMessage: null,
      },
    ]);
    const [row] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, claimed!.id));
    expect(row).toMatchObject({ status: "delivered", cost: 1 });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("50 concurrent duplicates of one report count once", async () => {
    const [phone] = phoneNumbers("cpsms", 1, 9200);
    const campaign = await quickCampaign("cpsms", [phone!]);
    const [claimed] = await claimBatch(getDb(), campaign.id, 10);
    const changed = await Promise.all(
      Array.from({ length: 50 }, () => applyDeliveryReport(getDb(), claimed!.reference!, report(1, phone!.slice(1)))),
    );
    expect(changed.reduce((a, b) => a! + b!, 0)).toBe(1);
    const events = await getDb().select().from(messageEvents).where(eq(messageEvents.messageId, claimed!.id));
    expect(events).toHaveLength(1); // identical reports are recorded once (issue #14: replays added a line each)
  });
});

describe("delivery polling: horizon and backoff", () => {
  it("marks messages still open after the horizon unknown, with a timeline line", async () => {
    const phones = phoneNumbers("smsapp", 3, 9300);
    const campaign = await quickCampaign("smsapp", phones);
    await dispatchCampaign(getDb(), campaign.id, options());
    await getDb().execute(
      sql`update campaign_messages set sent_at = now() - interval '73 hours' where campaign_id = ${campaign.id}`,
    );
    const result = await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    expect(result.givenUp).toBe(3);
    expect(await statusCounts(campaign.id)).toEqual({ unknown: 3 });
    const [row] = await getDb()
      .select()
      .from(campaignMessages)
      .where(eq(campaignMessages.campaignId, campaign.id))
      .limit(1);
    expect(row?.errorMessage).toMatch(/No final delivery report within 72 hours/);
    const events = await getDb()
      .select()
      .from(messageEvents)
      .where(eq(messageEvents.messageId, row!.id))
      .orderBy(messageEvents.id);
    expect(events.at(-1)).toMatchObject({ status: "unknown", source: "poll" });
  });

  it("smsapp.pk: waits longer between lookups of older messages", async () => {
    const phones = phoneNumbers("smsapp", 1, 9400);
    sandboxes.smsapp.state.setOutcome(phones[0]!.slice(1), "delivered");
    const campaign = await quickCampaign("smsapp", phones);
    await dispatchCampaign(getDb(), campaign.id, options());
    // Sent 10 hours ago, last looked at 1 minute ago: not due again for a while (half its age, at most 1 h).
    await getDb().execute(sql`update campaign_messages set sent_at = now() - interval '10 hours', status_changed_at = now() - interval '1 minute'
      where campaign_id = ${campaign.id}`);
    await sandboxes.smsapp.state.settle();
    const lookups = () => sandboxes.smsapp.state.requests({ method: "GET" }).length;
    const before = lookups();
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    expect(lookups()).toBe(before);
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 1 });
    // An hour later it is due.
    await getDb().execute(
      sql`update campaign_messages set status_changed_at = now() - interval '61 minutes' where campaign_id = ${campaign.id}`,
    );
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    expect(lookups()).toBeGreaterThan(before);
    expect(await statusCounts(campaign.id)).toEqual({ delivered: 1 });
  });

  it("smsapp.pk: a failed message gets a plain reason", async () => {
    const phones = phoneNumbers("smsapp", 2, 9500);
    sandboxes.smsapp.state.setOutcome(phones[0]!.slice(1), "failed");
    const campaign = await quickCampaign("smsapp", phones);
    await dispatchCampaign(getDb(), campaign.id, options());
    await sandboxes.smsapp.state.settle();
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    const rows = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id));
    const failed = rows.find((r) => r.status === "undelivered");
    expect(failed?.errorMessage).toMatch(/^The operator could not deliver it \(smsapp\.pk said/);
  });

  it("CPSMS log: buffered messages show as pending until the log has a verdict", async () => {
    const phones = phoneNumbers("cpsms", 2, 9600);
    sandboxes.cpsms.state.setOutcome(phones[0]!.slice(1), "buffered");
    const campaign = await quickCampaign("cpsms", phones);
    await dispatchCampaign(getDb(), campaign.id, options());
    await sandboxes.cpsms.state.settle();
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    const counts = await statusCounts(campaign.id);
    expect(counts.delivered).toBeGreaterThanOrEqual(1);
    expect((counts.delivered ?? 0) + (counts.buffered ?? 0)).toBe(2);
  });
});
