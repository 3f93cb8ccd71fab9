import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { dashboardFigures, upcomingSends } from "@/lib/dashboard/dashboard";
import { closeDb, getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { listHistory } from "@/lib/history/list-history";
import { stopBoss } from "@/lib/jobs/boss";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { createSmsappClient } from "@/lib/sms/smsapp/client";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { createThrowawayDatabase } from "@/tests/support/throwaway-database";
import { cancelCampaign } from "./campaign-controls";
import { summarizeProgress } from "./campaign-progress";
import { dispatchCampaign } from "./dispatch-campaign";
import { getCampaign, listCampaigns } from "./list-campaigns";
import { pollDeliveryStatus } from "./poll-delivery";
import { sweepCampaigns } from "./sweep-campaigns";

// The dashboard and history read every message, so this file has a database of its own: the figures it checks
// are exactly its own campaigns, compared with what the (sandbox) providers themselves report.
let sandboxes: Sandboxes;
let dropDatabase: () => Promise<void>;
const TZ = "Europe/Copenhagen";

beforeAll(async () => {
  const throwaway = await createThrowawayDatabase("cafe_figures");
  dropDatabase = throwaway.drop;
  await closeDb();
  setRuntimeEnv({ DATABASE_URL: throwaway.url });
  sandboxes = await startSandboxes({
    cpsms: { credit: 10_000, dlr: { delayMs: 1 } },
    smsapp: { balance: 10_000, delivery: { delayMs: 1 } },
  });
});
afterAll(async () => {
  await sandboxes.stop();
  await stopBoss();
  await closeDb();
  await dropDatabase();
});

const sessions = () => sandboxSessions(sandboxes);
const options = () => ({ sessions: sessions(), sleep: async () => {} });
/** Runs the delivery poll with a fresh look at CPSMS's log (its once-per-2-minutes rule is the sandbox's). */
async function pollFresh() {
  await getDb().execute(sql`delete from provider_cache`);
  sandboxes.cpsms.state.lastGetlogAtMs = null;
  await pollDeliveryStatus(getDb(), sessions());
}
/** What CPSMS's own log says was charged, and by whom each number was texted. */
async function cpsmsLog() {
  sandboxes.cpsms.state.lastGetlogAtMs = null;
  const client = createCpsmsClient({
    baseUrl: sandboxes.cpsms.url,
    username: "sandbox",
    apiKey: "sandbox-cpsms-api-key",
  });
  return (await client.getLog()).rows;
}
/** smsapp.pk's own message history, every page. */
async function smsappHistory() {
  const client = createSmsappClient({ baseUrl: sandboxes.smsapp.url, apiToken: "sandbox-smsapp-token" });
  const all = [];
  for await (const m of client.iterateMessages()) all.push(m);
  return all;
}
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;

describe("every figure true: held is not sent, cost is what the provider charged, the sender is the one used", () => {
  let now: Awaited<ReturnType<typeof quickCampaign>>;
  let held: Awaited<ReturnType<typeof quickCampaign>>;
  let cancelled: Awaited<ReturnType<typeof quickCampaign>>;
  let bulk: Awaited<ReturnType<typeof quickCampaign>>;
  let single: Awaited<ReturnType<typeof quickCampaign>>;

  it("sends now, holds at CPSMS, cancels, and sends through smsapp.pk in bulk and one by one", async () => {
    // 19 Danish numbers and one Swedish (1.6 points a segment at CPSMS).
    now = await quickCampaign("cpsms", [...phoneNumbers("cpsms", 19, 1000), "+46701234567"], { sender: "CafeRose" });
    held = await quickCampaign("cpsms", phoneNumbers("cpsms", 8, 2000), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    cancelled = await quickCampaign("cpsms", phoneNumbers("cpsms", 6, 3000), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    bulk = await quickCampaign("smsapp", phoneNumbers("smsapp", 10, 1000)); // no sender: the account's default
    single = await quickCampaign("smsapp", phoneNumbers("smsapp", 5, 2000), { sender: "CafeRose" });
    for (const c of [now, held, cancelled, bulk, single]) await dispatchCampaign(getDb(), c.id, options());
    const owner = { id: now.createdById! };
    await cancelCampaign(getDb(), owner, cancelled.id, sessions());

    expect(await statusCounts(now.id)).toEqual({ accepted: 20 });
    expect(await statusCounts(held.id)).toEqual({ scheduled: 8 });
    expect(await statusCounts(cancelled.id)).toEqual({ cancelled: 6 });
    // The chosen sender travels with every smsapp.pk message (one call each); no sender = bulk, 50 per call.
    expect(sandboxes.smsapp.state.requests({ path: "/sms/send" })).toHaveLength(5);
    // Lanes claiming side by side may split the ten over two bulk calls; never more than 50 in one.
    const bulkSizes = sandboxes.smsapp.state
      .requests({ path: "/sms/send-bulk-messages" })
      .map((r) => (r.body as unknown[]).length);
    expect(bulkSizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(bulkSizes.length).toBeLessThanOrEqual(2);
  });

  it("a campaign CPSMS holds is scheduled, not sent: no sent count, no send time, its cost held apart", async () => {
    const item = (await getCampaign(getDb(), held.id))!;
    const progress = summarizeProgress(item.counts, item.recipientCount);
    expect(progress).toMatchObject({ sent: 0, scheduled: 8, waiting: 0, percentDone: 0 });
    expect(item.costs).toEqual({ charged: 0, held: 8, estimated: 0 });
    const rows = await listHistory(getDb(), { campaignId: held.id }, { timeZone: TZ });
    expect(rows.rows.map((r) => [r.status, r.sentAt])).toEqual(Array(8).fill(["scheduled", null]));
    expect((await listHistory(getDb(), { state: "scheduled" }, { timeZone: TZ })).rows).toHaveLength(8);
    const upcoming = (await upcomingSends(getDb(), 20)).find((u) => u.id === held.id);
    expect(upcoming).toMatchObject({ heldCost: 8, estimatedCost: 0, expectedCost: 8 });
  });

  it("a cancelled CPSMS-held send costs nothing anywhere, and CPSMS gave the credit back", async () => {
    const item = (await getCampaign(getDb(), cancelled.id))!;
    expect(summarizeProgress(item.counts, item.recipientCount)).toMatchObject({ sent: 0, scheduled: 0, stopped: 6 });
    expect(item.costs).toEqual({ charged: 0, held: 0, estimated: 0 });
    expect(sandboxes.cpsms.state.messages().filter((m) => m.state === "deleted")).toHaveLength(6);
    expect((await upcomingSends(getDb(), 20)).some((u) => u.id === cancelled.id)).toBe(false);
  });

  it("the dashboard's cost per provider is what the providers' own log and history say they charged", async () => {
    await sandboxes.cpsms.state.settle();
    await sandboxes.smsapp.state.settle();
    await pollFresh();
    const figures = await dashboardFigures(getDb(), TZ);
    const log = await cpsmsLog();
    const history = await smsappHistory();
    expect(log).toHaveLength(20); // the held and the cancelled campaigns are not in CPSMS's log of sent messages
    expect(figures.costs.find((c) => c.provider === "cpsms")?.today).toBe(sum(log.map((r) => r.pointPrice ?? 0)));
    expect(figures.costs.find((c) => c.provider === "cpsms")?.today).toBe(20.6);
    expect(figures.costs.find((c) => c.provider === "smsapp")?.today).toBe(sum(history.map((m) => m.cost ?? 0)));
    // Every view counts the same: 35 went out today (20 + 10 + 5), none of the held or cancelled ones.
    expect(figures.stats.find((s) => s.key === "today")).toMatchObject({ sent: 35 });
    const listed = (await listCampaigns(getDb(), { pageSize: 100 })).rows;
    expect(sum(listed.map((c) => summarizeProgress(c.counts, c.recipientCount).sent))).toBe(35);
    expect(sum(listed.filter((c) => c.provider === "cpsms").map((c) => c.costs.charged))).toBe(20.6);
  });

  it("the sender shown is the sender the provider used", async () => {
    const log = await cpsmsLog();
    const history = new Map((await smsappHistory()).map((m) => [`+${m.to}`, m.from]));
    const rows = (await listHistory(getDb(), {}, { timeZone: TZ, limit: 100 })).rows;
    for (const r of rows.filter((r) => r.provider === "smsapp")) expect(r.sender).toBe(history.get(r.phone));
    // Bulk sends can't carry a sender: smsapp.pk used the account default, and that is what we show.
    expect(rows.filter((r) => r.campaignId === bulk.id).every((r) => r.sender === "CafeRevenue")).toBe(true);
    expect(rows.filter((r) => r.campaignId === single.id).every((r) => r.sender === "CafeRose")).toBe(true);
    const cpsmsFrom = new Map(log.map((r) => [`+${r.to}`, r.from]));
    for (const r of rows.filter((r) => r.campaignId === now.id)) expect(r.sender).toBe(cpsmsFrom.get(r.phone));
    expect((await getCampaign(getDb(), bulk.id))?.sendersUsed).toEqual(["CafeRevenue"]);
  });

  it("once its time has passed, CPSMS's confirmation makes the held campaign sent, with CPSMS's send time", async () => {
    await getDb()
      .update(campaigns)
      .set({ scheduledAt: new Date(Date.now() - 60_000) })
      .where(eq(campaigns.id, held.id));
    // Before CPSMS has sent them they stay scheduled, even past the time.
    await pollFresh();
    await sweepCampaigns(getDb());
    expect(await statusCounts(held.id)).toEqual({ scheduled: 8 });
    expect((await getCampaign(getDb(), held.id))?.status).toBe("scheduled");

    await sandboxes.cpsms.state.advance(3600_000 + 60_000);
    await sandboxes.cpsms.state.settle();
    await pollFresh();
    await sweepCampaigns(getDb());
    const counts = await statusCounts(held.id);
    expect((counts.accepted ?? 0) + (counts.delivered ?? 0)).toBe(8);
    const item = (await getCampaign(getDb(), held.id))!;
    expect(item.status).toBe("completed");
    expect(item.costs).toEqual({ charged: 8, held: 0, estimated: 0 });
    const rows = (await listHistory(getDb(), { campaignId: held.id }, { timeZone: TZ })).rows;
    expect(rows.every((r) => r.sentAt !== null && r.sentAt.getTime() > Date.now() + 3000_000)).toBe(true); // the sandbox's clock
    const log = await cpsmsLog();
    expect(log).toHaveLength(28);
    const figures = await dashboardFigures(getDb(), TZ, new Date(Date.now() + 3600_000 + 120_000));
    expect(figures.costs.find((c) => c.provider === "cpsms")?.days30).toBe(sum(log.map((r) => r.pointPrice ?? 0)));
  });
});
