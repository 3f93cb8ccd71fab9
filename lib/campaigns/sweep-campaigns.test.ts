import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { sweepCampaigns } from "./sweep-campaigns";

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
  const [row] = await getDb()
    .select({ leaseUntil: sql<number>`extract(epoch from ${campaigns.leaseUntil})::float8 * 1000` })
    .from(campaigns)
    .where(eq(campaigns.id, campaign.id));
  return { id: campaign.id, leaseUntilMs: Number(row!.leaseUntil) };
}

/** The campaign's dispatch jobs in pg-boss: when each may start, relative to now (ms). */
async function dispatchJobs(campaignId: string) {
  const rows = await getDb().execute<{ state: string; start_after_ms: number; now_ms: number }>(sql`
    select state, extract(epoch from start_after)::float8 * 1000 as start_after_ms,
      extract(epoch from now())::float8 * 1000 as now_ms
    from pgboss.job where name = 'campaign_dispatch' and data->>'campaignId' = ${campaignId}`);
  return rows.rows.map((r) => ({ state: r.state, startAfterMs: Number(r.start_after_ms), nowMs: Number(r.now_ms) }));
}

describe("the sweep after a crash", () => {
  it("a lease still live (its holder may be dead) gets one dispatch, due just after the lease ends, however many sweeps see it", async () => {
    const crashed = await crashedMidSend(970_000, 15_000);
    // The restarted worker's first sweep, the minute's sweep and another instance's: one job for this lease.
    for (let i = 0; i < 3; i++) await sweepCampaigns(getDb());
    const jobs = await dispatchJobs(crashed.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.state).toBe("created");
    // Not before the lease ends (the holder may be alive and sending), and no later than a moment after.
    expect(jobs[0]!.startAfterMs).toBeGreaterThan(crashed.leaseUntilMs);
    expect(jobs[0]!.startAfterMs).toBeLessThanOrEqual(crashed.leaseUntilMs + 200);
    expect(jobs[0]!.startAfterMs).toBeGreaterThan(jobs[0]!.nowMs + 10_000);
  });

  it("a live dispatcher that renews its lease gets a new job for the new lease (it exits at once, finding the lease busy)", async () => {
    const live = await crashedMidSend(971_000, 15_000);
    await sweepCampaigns(getDb());
    await getDb()
      .update(campaigns)
      .set({ leaseUntil: sql`now() + interval '20 seconds'` })
      .where(eq(campaigns.id, live.id));
    await sweepCampaigns(getDb());
    const jobs = await dispatchJobs(live.id);
    expect(jobs).toHaveLength(2);
  });

  it("a lease that has run out gets a dispatch due at once", async () => {
    const crashed = await crashedMidSend(972_000, -1_000);
    await sweepCampaigns(getDb());
    const jobs = await dispatchJobs(crashed.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.startAfterMs).toBeLessThanOrEqual(jobs[0]!.nowMs);
  });
});
