import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { dispatchCampaign } from "./dispatch-campaign";
import { pollDeliveryStatus } from "./poll-delivery";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { dlr: { delayMs: 1 } }, smsapp: { delivery: { delayMs: 1 } } });
});
afterAll(() => sandboxes.stop());
beforeEach(() => {
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
});

const options = () => ({ sessions: sandboxSessions(sandboxes), sleep: async () => {} });

describe("delivery status polling", () => {
  it("smsapp.pk bulk sends: verdicts found in its history by number and text", async () => {
    const phones = phoneNumbers("smsapp", 30, 300);
    sandboxes.smsapp.state.setOutcome(phones[0]!.slice(1), "failed");
    const campaign = await quickCampaign("smsapp", phones);
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 30 });
    await sandboxes.smsapp.state.settle();
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    expect(await statusCounts(campaign.id)).toEqual({ delivered: 29, undelivered: 1 });
  });

  it("CPSMS without delivery reports: verdicts read from its log", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 12, 700));
    await dispatchCampaign(getDb(), campaign.id, options()); // the sandbox session has no PUBLIC_URL: dlr posts fail harmlessly
    await sandboxes.cpsms.state.settle();
    await pollDeliveryStatus(getDb(), sandboxSessions(sandboxes), { campaignId: campaign.id });
    expect(await statusCounts(campaign.id)).toEqual({ delivered: 12 });
  });
});
