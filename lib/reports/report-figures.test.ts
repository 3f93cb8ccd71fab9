import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { summarizeProgress } from "@/lib/campaigns/campaign-progress";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { getDb } from "@/lib/db";
import { majorAmount } from "@/lib/format/currency";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { linkWithClicks, offer, offerCode, setStatuses } from "@/tests/support/reports";
import { campaignReport } from "./campaign-report";
import { listedResults } from "./list-results";
import { reportFigures } from "./report-figures";
import { costPerRedemption, daysBetween, rate } from "./report-math";

const scopeOf = (campaignId: string) => ({ kind: "campaign", campaignId }) as const;

describe("a campaign's report", () => {
  it("counts unique human clickers, human clicks and bot requests apart, against delivered", async () => {
    const [a, b, c, d] = phoneNumbers("cpsms", 4, 710_000);
    const campaign = await quickCampaign("cpsms", [a!, b!, c!, d!]);
    await setStatuses(campaign.id, { [a!]: "delivered", [b!]: "delivered", [c!]: "delivered", [d!]: "undelivered" });
    // a: clicked twice (one guest, counted once) after a link previewer; b: only a previewer; c: nothing.
    await linkWithClicks(campaign.id, a!, [{ bot: true }, {}, {}]);
    await linkWithClicks(campaign.id, b!, [{ bot: true }]);
    await linkWithClicks(campaign.id, c!);
    const f = await reportFigures(getDb(), scopeOf(campaign.id));
    expect(f).toMatchObject({ sent: 4, delivered: 3, failed: 1, tracked: true });
    expect(f.clicked).toBe(1);
    expect(f.humanClicks).toBe(2);
    expect(f.botRequests).toBe(2);
    expect(f.clickRate).toBeCloseTo(1 / 3);
    // The campaigns list says the same; no offer, so no redeemed figure there.
    const listed = await listedResults(getDb(), [campaign.id]);
    expect(listed.get(campaign.id)).toEqual({ clicked: 1, redeemed: null });
  });

  it("agrees with the campaign page's delivery figures and cost", async () => {
    const phones = phoneNumbers("cpsms", 5, 720_000);
    const campaign = await quickCampaign("cpsms", phones);
    await setStatuses(campaign.id, {
      [phones[0]!]: "delivered",
      [phones[1]!]: "accepted",
      [phones[2]!]: "undelivered",
      [phones[3]!]: "rejected",
    });
    const page = (await getCampaign(getDb(), campaign.id))!;
    const shown = summarizeProgress(page.counts, page.recipientCount);
    const f = await reportFigures(getDb(), scopeOf(campaign.id));
    expect({ sent: f.sent, delivered: f.delivered, failed: f.failed }).toEqual({
      sent: shown.sent,
      delivered: shown.delivered,
      failed: shown.failed,
    });
    expect(f.costs).toEqual([{ provider: "cpsms", charged: page.costs.charged, redeemed: 0, costPerRedemption: null }]);
    expect(page.costs.charged).toBe(1.5);
    expect(f.tracked).toBe(false);
    expect(f.redemptionRate).toBe(0);
  });

  it("sums revenue per currency, counts bills not entered, and divides cost by redemptions", async () => {
    const phones = phoneNumbers("cpsms", 4, 730_000);
    const campaign = await quickCampaign("cpsms", phones);
    await setStatuses(campaign.id, Object.fromEntries(phones.map((p) => [p, "delivered"])), 0.25);
    const o = await offer();
    await offerCode(o.id, campaign.id, phones[0]!, { billMinor: 24_950, currency: "DKK" });
    await offerCode(o.id, campaign.id, phones[1]!, { billMinor: 10_000, currency: "DKK" });
    await offerCode(o.id, campaign.id, phones[2]!, { billMinor: 150_000, currency: "PKR" });
    await offerCode(o.id, campaign.id, phones[3]!, {}); // redeemed, bill not entered
    const f = await reportFigures(getDb(), scopeOf(campaign.id));
    expect(f).toMatchObject({ codes: 4, redeemed: 4, notEntered: 1, redemptionRate: 1 });
    expect(f.revenue).toEqual([
      { currency: "DKK", minor: 34_950, bills: 2 },
      { currency: "PKR", minor: 150_000, bills: 1 },
    ]);
    expect(f.costs[0]).toEqual({ provider: "cpsms", charged: 1, redeemed: 4, costPerRedemption: 0.25 });
    expect((await listedResults(getDb(), [campaign.id])).get(campaign.id)).toEqual({ clicked: null, redeemed: 4 });
  });

  it("with no redemption, cost per redemption and rates are null (shown as —), never Infinity or NaN", async () => {
    const phones = phoneNumbers("smsapp", 2, 740_000);
    const campaign = await quickCampaign("smsapp", phones);
    const o = await offer();
    await offerCode(o.id, campaign.id, phones[0]!);
    const f = await reportFigures(getDb(), scopeOf(campaign.id));
    expect(f).toMatchObject({ sent: 0, delivered: 0, codes: 1, redeemed: 0, clickRate: null, redemptionRate: null });
    expect(f.costs).toEqual([{ provider: "smsapp", charged: 0, redeemed: 0, costPerRedemption: null }]);
    expect(f.revenue).toEqual([]);
  });

  it("puts clicks and redemptions on the restaurant's days since the send", async () => {
    const phones = phoneNumbers("cpsms", 2, 750_000);
    const campaign = await quickCampaign("cpsms", phones);
    const sent = new Date("2030-03-01T22:30:00Z"); // 23:30 in Copenhagen
    await getDb().execute(sql`update campaigns set created_at = ${sent.toISOString()} where id = ${campaign.id}`);
    await linkWithClicks(campaign.id, phones[0]!, [
      { at: new Date("2030-03-01T22:50:00Z") }, // still 1 March in Copenhagen
      { at: new Date("2030-03-01T23:10:00Z") }, // 2 March
      { at: new Date("2030-03-01T23:11:00Z"), bot: true },
    ]);
    const o = await offer();
    await offerCode(o.id, campaign.id, phones[1]!, { at: new Date("2030-03-03T12:00:00Z") });
    const { days } = await campaignReport(
      getDb(),
      { id: campaign.id, createdAt: sent, scheduledAt: null },
      { now: new Date("2030-03-04T09:00:00Z"), timeZone: "Europe/Copenhagen" },
    );
    expect(days).toEqual([
      { day: "2030-03-01", clicks: 1, redemptions: 0 },
      { day: "2030-03-02", clicks: 1, redemptions: 0 },
      { day: "2030-03-03", clicks: 0, redemptions: 1 },
      { day: "2030-03-04", clicks: 0, redemptions: 0 },
    ]);
  });
});

describe("the report's arithmetic", () => {
  it("divides only by something", () => {
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(costPerRedemption(10, 0)).toBeNull();
    expect(costPerRedemption(10, 4)).toBe(2.5);
  });
  it("reads minor units by the currency's decimals", () => {
    expect(majorAmount(24_950, "DKK")).toBe(249.5);
    expect(majorAmount(500, "JPY")).toBe(500);
  });
  it("lists days inclusively, and at least the first", () => {
    expect(daysBetween("2030-02-27", "2030-03-01")).toEqual(["2030-02-27", "2030-02-28", "2030-03-01"]);
    expect(daysBetween("2030-03-02", "2030-03-01")).toEqual(["2030-03-02"]);
  });
});
