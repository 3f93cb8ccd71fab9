import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { sweepCampaigns } from "./sweep-campaigns";

// The job tables exist once pg-boss has started (the sweep starts it only when it enqueues something).
beforeAll(() => startBoss({ worker: false }));
afterAll(() => stopBoss(2_000));

/** A campaign caught mid-send by a crash: "sending", with the lease its dead dispatcher last renewed. */
async function crashedMidSend(offset: number, leaseLeftMs: number) {
  const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 3, offset));
  await getDb()
    .update(campaigns)
    .set({
      status: "sending",
      startedAt: new Date(),
      leaseOwner: "a dispatcher that died",
      leaseUntil: sql`now() + ${`${leaseLeftMs} milliseconds`}::interval`,
    })
    .where(eq(campaigns.id, campaign.id));
  return campaign.id;
}

/** How many dispatch jobs pg-boss holds for the campaign. */
async function dispatchJobs(campaignId: string) {
  const rows = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from pgboss.job where name = 'campaign_dispatch' and data->>'campaignId' = ${campaignId}`);
  return rows.rows[0]!.n;
}

// Other test files share the database: their campaigns may be in the sweep too, so only ours are checked, and
// the time to the next lease end is at most ours.
describe("the sweep after a crash", () => {
  it("leaves a campaign with a live lease alone, and says when that lease runs out", async () => {
    const crashed = await crashedMidSend(970_000, 15_000);
    const result = await sweepCampaigns(getDb());
    expect(await dispatchJobs(crashed)).toBe(0);
    expect(result.awaitingLease).toBeGreaterThanOrEqual(1);
    expect(result.nextLeaseEndInMs).not.toBeNull();
    expect(result.nextLeaseEndInMs!).toBeLessThanOrEqual(15_000);
    // Two leases: the first to end is the one that matters.
    await crashedMidSend(971_000, 5_000);
    const again = await sweepCampaigns(getDb());
    expect(again.nextLeaseEndInMs!).toBeLessThanOrEqual(5_000);
    expect(again.nextLeaseEndInMs!).toBeGreaterThan(3_000);
  });

  it("hands a campaign whose lease ran out to a dispatch at once", async () => {
    const crashed = await crashedMidSend(972_000, -1_000);
    const result = await sweepCampaigns(getDb());
    expect(await dispatchJobs(crashed)).toBe(1);
    expect(result.resumed).toBeGreaterThanOrEqual(1);
  });
});
