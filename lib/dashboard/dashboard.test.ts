import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { uncoveredSends } from "./balances";
import { dashboardFigures, latestFailures, upcomingSends } from "./dashboard";
import { startOfDay } from "./periods";

const TZ = "Europe/Copenhagen";
// A moment no other test writes near, so the global figures are ours alone.
const NOW = new Date("2031-03-30T10:00:00Z"); // the day after DST starts in Copenhagen

async function seedAt(
  provider: "cpsms" | "smsapp",
  offset: number,
  rows: { daysAgo: number; status: string; cost: number }[],
) {
  const phones = phoneNumbers(provider, rows.length, offset);
  const campaign = await quickCampaign(provider, phones);
  for (const [i, r] of rows.entries()) {
    const at = new Date(startOfDay(NOW, TZ, r.daysAgo).getTime() + 3600_000);
    await getDb().execute(sql`update campaign_messages set status = ${r.status}, sent_at = ${at.toISOString()}::timestamptz, cost = ${r.cost},
      error_message = ${r.status === "undelivered" ? "The operator could not deliver it." : null}
      where campaign_id = ${campaign.id} and phone = ${phones[i]!}`);
  }
  return campaign;
}

describe("dashboard figures", () => {
  it("counts sent, delivered, failed and the rate per period in the restaurant's days", async () => {
    await seedAt("cpsms", 500_000, [
      { daysAgo: 0, status: "delivered", cost: 1 },
      { daysAgo: 0, status: "undelivered", cost: 1 },
      { daysAgo: 3, status: "delivered", cost: 1.6 },
      { daysAgo: 20, status: "delivered", cost: 1 },
      { daysAgo: 40, status: "delivered", cost: 1 },
    ]);
    await seedAt("smsapp", 500_000, [
      { daysAgo: 0, status: "accepted", cost: 2 },
      { daysAgo: 6, status: "delivered", cost: 1 },
      { daysAgo: 7, status: "delivered", cost: 1 },
    ]);
    const { stats, costs: cost, series } = await dashboardFigures(getDb(), TZ, NOW);
    expect(stats.map(({ key, sent, delivered, failed }) => ({ key, sent, delivered, failed }))).toEqual([
      { key: "today", sent: 3, delivered: 1, failed: 1 },
      { key: "7d", sent: 5, delivered: 3, failed: 1 },
      { key: "30d", sent: 7, delivered: 5, failed: 1 },
    ]);
    expect(stats[0]!.rate).toBeCloseTo(1 / 3);
    expect(cost).toEqual([
      { provider: "cpsms", unit: "points", today: 2, days30: 4.6 },
      { provider: "smsapp", unit: "units", today: 2, days30: 4 },
    ]);
    expect(series).toHaveLength(30);
    expect(series.at(-1)).toMatchObject({ day: "2031-03-30", sent: 3, delivered: 1, failed: 1 });
    expect(series.reduce((n, d) => n + d.sent, 0)).toBe(7);
    const failures = await latestFailures(getDb(), 50);
    expect(failures.some((f) => f.reason === "The operator could not deliver it.")).toBe(true);
  });

  it("estimates upcoming sends and flags those the balance can't cover", async () => {
    const soon = new Date(Date.now() + 3600_000);
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 30, 600_000), { scheduledAt: soon });
    const upcoming = await upcomingSends(getDb(), 100);
    const mine = upcoming.find((u) => u.id === campaign.id);
    expect(mine).toMatchObject({ provider: "smsapp", estimatedCost: 30, status: "scheduled" });
    const balance = (amount: number) => ({
      ok: true as const,
      provider: "smsapp" as const,
      mode: "sandbox" as const,
      amount,
      unlimited: false,
      unit: "units",
      raw: String(amount),
      low: false,
    });
    expect(uncoveredSends([balance(29)], [mine!])).toEqual([
      { campaignId: campaign.id, name: mine!.name, provider: "smsapp", needed: 30, available: 29 },
    ]);
    expect(uncoveredSends([balance(30)], [mine!])).toEqual([]);
    expect(uncoveredSends([balance(50)], [mine!, { ...mine!, id: "second" }]).map((w) => w.campaignId)).toEqual([
      "second",
    ]);
  });

  it("counts the sign-up page's texts in the figures and cost (they cost money), but not under Coming up", async () => {
    // Another day no other test sends on.
    const now = new Date("2031-06-15T10:00:00Z");
    for (const [i, origin] of (["signup_confirmation", "welcome"] as const).entries()) {
      const phones = phoneNumbers("cpsms", 1, 700_000 + i);
      const campaign = await quickCampaign("cpsms", phones);
      await getDb().execute(sql`update campaigns set origin = ${origin} where id = ${campaign.id}`);
      await getDb().execute(sql`update campaign_messages set status = 'delivered', cost = 1,
        sent_at = ${new Date(now.getTime() - 3600_000).toISOString()}::timestamptz where campaign_id = ${campaign.id}`);
    }
    const { stats, costs } = await dashboardFigures(getDb(), TZ, now);
    expect(stats[0]).toMatchObject({ key: "today", sent: 2, delivered: 2, failed: 0 });
    expect(costs.find((c) => c.provider === "cpsms")?.today).toBe(2);

    const welcome = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, 710_000), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    await getDb().execute(sql`update campaigns set origin = 'welcome' where id = ${welcome.id}`);
    expect((await upcomingSends(getDb(), 100)).map((u) => u.id)).not.toContain(welcome.id);
  });
});
