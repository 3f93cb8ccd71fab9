import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { automationOccurrences } from "@/drizzle/schema";
import { holdoutResults } from "@/lib/automations/holdout-results";
import { getDb } from "@/lib/db";
import { guest } from "@/tests/support/automations";
import { quickCampaign } from "@/tests/support/campaigns";
import { linkWithClicks, offer, offerCode, setStatuses } from "@/tests/support/reports";
import { automationReport } from "./automation-report";

/** An automation's campaign for these guests, created at `at` (2031: no other test's campaigns are that late). */
async function automationCampaign(guests: { id: string; phone: string }[], at: Date, holdout: { id: string }[] = []) {
  const campaign = await quickCampaign(
    "cpsms",
    guests.map((g) => g.phone),
    { origin: "automation", name: "Win-back" },
  );
  await getDb().execute(sql`update campaigns set created_at = ${at.toISOString()} where id = ${campaign.id}`);
  await getDb()
    .insert(automationOccurrences)
    .values([
      ...guests.map((g) => ({
        kind: "winback" as const,
        contactId: g.id,
        occurrenceKey: `report:${campaign.id}`,
        dueAt: at,
        campaignId: campaign.id,
      })),
      ...holdout.map((g) => ({
        kind: "winback" as const,
        contactId: g.id,
        occurrenceKey: `report:${campaign.id}`,
        dueAt: at,
        holdout: true,
      })),
    ]);
  return campaign;
}

describe("an automation's report", () => {
  it("covers the period's campaigns, with redemptions per texted guest and the holdout's lift", async () => {
    const now = new Date("2031-05-10T12:00:00Z");
    const texted = await Promise.all(Array.from({ length: 4 }, () => guest()));
    const control = await Promise.all(Array.from({ length: 3 }, () => guest()));
    const recent = await automationCampaign(texted, new Date("2031-05-01T10:00:00Z"), control);
    await setStatuses(recent.id, Object.fromEntries(texted.map((g) => [g.phone, "delivered"])), 0.5);
    const o = await offer("10% off");
    await offerCode(o.id, recent.id, texted[0]!.phone, { billMinor: 30_000, currency: "DKK" });
    await offerCode(o.id, recent.id, texted[1]!.phone, {}); // redeemed, no bill
    const clicked = new Date("2031-05-02T08:00:00Z");
    await linkWithClicks(recent.id, texted[0]!.phone, [{ at: clicked }, { at: clicked }, { at: clicked, bot: true }]);
    // Before the 30-day period: not in its figures.
    const older = await Promise.all(Array.from({ length: 2 }, () => guest()));
    const old = await automationCampaign(older, new Date("2031-03-01T10:00:00Z"));
    await setStatuses(old.id, Object.fromEntries(older.map((g) => [g.phone, "delivered"])));

    const report = await automationReport(getDb(), "winback", { now, period: 30, timeZone: "Europe/Copenhagen" });
    expect(report.figures).toMatchObject({
      sent: 4,
      delivered: 4,
      clicked: 1,
      humanClicks: 2,
      botRequests: 1,
      codes: 2,
      redeemed: 2,
      notEntered: 1,
      clickRate: 0.25,
      redemptionRate: 0.5,
    });
    expect(report.figures.costs).toEqual([{ provider: "cpsms", charged: 2, redeemed: 2, costPerRedemption: 1 }]);
    expect(report.redemptionsPerTexted).toBe(0.5);
    expect(report.days).toHaveLength(31);
    expect(report.days.reduce((n, d) => n + d.clicks, 0)).toBe(2);
    // The lift is holdoutResults' own figures, not a second computation.
    expect(report.holdout).toEqual(await holdoutResults(getDb(), "winback", now));

    const year = await automationReport(getDb(), "winback", { now, period: 365, timeZone: "Europe/Copenhagen" });
    expect(year.figures.sent).toBe(6);
  });
});
