import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { createDbGetlogCache } from "@/lib/providers/getlog-cache";
import { cpsmsSession } from "@/lib/sms/cpsms/adapter";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { claimBatch } from "./claim-batch";
import { dispatchCampaign } from "./dispatch-campaign";

let sandboxes: Sandboxes;
const noSleep = async () => {};
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { credit: 1_000_000 }, smsapp: { balance: 1_000_000 } });
});
afterAll(() => sandboxes.stop());
beforeEach(() => {
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
  sandboxes.cpsms.state.setBalance(1_000_000);
  sandboxes.smsapp.state.setBalance(1_000_000);
});

const options = () => ({ sessions: sandboxSessions(sandboxes), sleep: noSleep });
const handsetCounts = (s: Sandboxes["cpsms"] | Sandboxes["smsapp"]) =>
  Object.values(s.state.handsets()).map((m) => m.length);

describe("dispatching a campaign", () => {
  it("CPSMS: sends everyone exactly once, 100 numbers per request, and a second run sends nothing", async () => {
    const phones = phoneNumbers("cpsms", 250);
    const campaign = await quickCampaign("cpsms", phones);
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 250 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(250).fill(1));
    // Up to 100 numbers per request; lanes claiming side by side (SKIP LOCKED) may split the tail once more.
    const sizes = () =>
      sandboxes.cpsms.state
        .requests({ path: "/send" })
        .map((r) => ([] as unknown[]).concat((r.body as { to: unknown }).to).length);
    const first = sizes();
    expect(first.every((n) => n <= 100)).toBe(true);
    expect(first.reduce((a, b) => a + b, 0)).toBe(250);
    expect(first.length).toBeLessThanOrEqual(4);
    const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row).toMatchObject({ status: "completed", leaseOwner: null });

    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("stopped");
    expect(sizes()).toEqual(first);
  });

  it("smsapp.pk: bulk calls of at most 50, cost recorded per message", async () => {
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 120));
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 120 });
    expect(handsetCounts(sandboxes.smsapp)).toEqual(Array(120).fill(1));
    const bulkCalls = sandboxes.smsapp.state.requests({ path: "/sms/send-bulk-messages" });
    const sizes = bulkCalls.map((r) => (r.body as unknown[]).length);
    expect(sizes.every((n) => n <= 50)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
  });

  it("a second dispatcher on the same campaign backs off while the first holds the lease", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 300));
    const [a, b] = await Promise.all([
      dispatchCampaign(getDb(), campaign.id, options()),
      dispatchCampaign(getDb(), campaign.id, options()),
    ]);
    expect([a, b].sort()).toEqual(["busy", "finished"]);
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(300).fill(1));
  });

  it("after a crash mid-batch, CPSMS messages the provider already has are confirmed, the rest sent once", async () => {
    const phones = phoneNumbers("cpsms", 150);
    const campaign = await quickCampaign("cpsms", phones);
    // A dispatcher claimed 100 and got 60 of them to CPSMS before dying.
    const claimed = await claimBatch(getDb(), campaign.id, 100);
    const session = await sandboxSessions(sandboxes)("cpsms");
    await session.sendBatch(
      claimed.slice(0, 60).map((m) => ({ to: m.phone, text: m.body, reference: m.reference ?? undefined })),
    );
    expect(await statusCounts(campaign.id)).toEqual({ sending: 100, queued: 50 });

    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 150 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(150).fill(1));
  });

  it("after a crash mid-batch, smsapp.pk messages found in its history are confirmed, the rest sent once", async () => {
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 80));
    const session = await sandboxSessions(sandboxes)("smsapp");
    // Earlier traffic on the account, before this run started.
    await session.sendBatch(phoneNumbers("smsapp", 30, 5000).map((to) => ({ to, text: "Old promo" })));
    const mark = await session.historyMark();
    await getDb().update(campaigns).set({ historyMark: mark, status: "sending" }).where(eq(campaigns.id, campaign.id));
    const claimed = await claimBatch(getDb(), campaign.id, 50);
    await session.sendBatch(claimed.slice(0, 20).map((m) => ({ to: m.phone, text: m.body })));

    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 80 });
    const ours = Object.entries(sandboxes.smsapp.state.handsets()).filter(([, msgs]) =>
      msgs.some((m) => m.text.startsWith("Happy hour")),
    );
    expect(ours).toHaveLength(80);
    expect(ours.every(([, msgs]) => msgs.length === 1)).toBe(true);
  });

  it("after a crash, a CPSMS log read between a claim and its send's arrival is not trusted (nobody texted twice)", async () => {
    const phones = phoneNumbers("cpsms", 40, 70_000);
    const clock = { now: Date.now() }; // the clients' clock, moved by the dispatcher's waits
    const campaign = await quickCampaign("cpsms", phones);
    await getDb().update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, campaign.id));
    await getDb().execute(sql`delete from provider_cache`);
    // Clients as the app makes them: the 2-minute log cache is shared through the database.
    const client = () =>
      createCpsmsClient({
        baseUrl: sandboxes.cpsms.url,
        username: "sandbox",
        apiKey: "sandbox-cpsms-api-key",
        getlogCache: createDbGetlogCache(getDb()),
        now: () => clock.now,
      });
    const sessions = async () => cpsmsSession(client(), "sandbox");
    // The dead run claimed 40; its delivery poller read the log a moment later, before the send reached CPSMS;
    // then the send arrived, and the process died.
    const claimed = await claimBatch(getDb(), campaign.id, 40);
    clock.now = Date.now();
    await client().getLog();
    await (await sessions()).sendBatch(
      claimed.map((m) => ({ to: m.phone, text: m.body, reference: m.reference ?? undefined })),
    );

    const sleep = async (ms: number) => {
      await sandboxes.cpsms.state.advance(ms);
      clock.now += ms;
    };
    expect(await dispatchCampaign(getDb(), campaign.id, { sessions, sleep })).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 40 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(40).fill(1));
  });

  it("after a crash, CPSMS's log rate limit (the log was just fetched elsewhere) is waited out, not a pause", async () => {
    const phones = phoneNumbers("cpsms", 150, 60_000);
    const campaign = await quickCampaign("cpsms", phones);
    await getDb().update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, campaign.id));
    // The crashed dispatcher claimed 100 and got 60 of them to CPSMS.
    const claimed = await claimBatch(getDb(), campaign.id, 100);
    const session = await sandboxSessions(sandboxes)("cpsms");
    await session.sendBatch(
      claimed.slice(0, 60).map((m) => ({ to: m.phone, text: m.body, reference: m.reference ?? undefined })),
    );
    // No log stored yet, and the account's log was fetched from outside just before our first look-up.
    await getDb().execute(sql`delete from provider_cache`);
    const outside = createCpsmsClient({
      baseUrl: sandboxes.cpsms.url,
      username: "sandbox",
      apiKey: "sandbox-cpsms-api-key",
    });
    await outside.getLog();

    let waited = 0;
    const sleep = async (ms: number) => {
      waited += ms;
      await sandboxes.cpsms.state.advance(ms); // CPSMS's 2-minute window runs on the sandbox's clock
    };
    expect(await dispatchCampaign(getDb(), campaign.id, { ...options(), sleep })).toBe("finished");
    expect(sandboxes.cpsms.state.requests({ path: "/getlog" }).filter((r) => r.status !== 200).length).toBeGreaterThan(
      0,
    );
    expect(waited).toBeGreaterThanOrEqual(100_000);
    const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row).toMatchObject({ status: "completed", pauseReason: null });
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 150 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(150).fill(1));
  });

  it("after a crash, never-claimed CPSMS messages go out while the uncertain ones wait for the log", async () => {
    const phones = phoneNumbers("cpsms", 150, 61_000);
    const campaign = await quickCampaign("cpsms", phones);
    await getDb().update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, campaign.id));
    // The crashed dispatcher claimed 100 and got 60 of them to CPSMS; 50 were never claimed.
    const claimed = await claimBatch(getDb(), campaign.id, 100);
    const session = await sandboxSessions(sandboxes)("cpsms");
    await session.sendBatch(
      claimed.slice(0, 60).map((m) => ({ to: m.phone, text: m.body, reference: m.reference ?? undefined })),
    );
    // The log was just fetched from outside: our look-up must wait about 2 minutes.
    await getDb().execute(sql`delete from provider_cache`);
    await createCpsmsClient({
      baseUrl: sandboxes.cpsms.url,
      username: "sandbox",
      apiKey: "sandbox-cpsms-api-key",
    }).getLog();

    const texted = () => Object.keys(sandboxes.cpsms.state.handsets()).length;
    const textedWhileWaiting: number[] = [];
    const sleep = async (ms: number) => {
      // Give the lanes a moment on the event loop, as a real wait would.
      await new Promise((r) => setTimeout(r, 20));
      textedWhileWaiting.push(texted());
      await sandboxes.cpsms.state.advance(ms);
    };
    expect(await dispatchCampaign(getDb(), campaign.id, { ...options(), batchSize: { cpsms: 10 }, sleep })).toBe(
      "finished",
    );
    // Before the log could be read, the 50 never-claimed guests were texted; the 40 the crash left unsent only after.
    expect(Math.max(...textedWhileWaiting)).toBe(110);
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 150 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(150).fill(1));
  });

  it("pauses with a plain reason when credit runs out, and resumes without sending anyone twice", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 300));
    sandboxes.cpsms.state.setBalance(150);
    expect(await dispatchCampaign(getDb(), campaign.id, { ...options(), concurrency: { cpsms: 1 } })).toBe("paused");
    const [paused] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(paused?.status).toBe("paused");
    expect(paused?.pauseReason).toMatch(/credit/i);
    const counts = await statusCounts(campaign.id);
    expect(counts.accepted).toBe(100);
    expect(counts.queued).toBe(200);

    sandboxes.cpsms.state.setBalance(1_000_000);
    await getDb().update(campaigns).set({ status: "sending", pauseReason: null }).where(eq(campaigns.id, campaign.id));
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("finished");
    expect(await statusCounts(campaign.id)).toEqual({ accepted: 300 });
    expect(handsetCounts(sandboxes.cpsms)).toEqual(Array(300).fill(1));
  });

  it("pauses after repeated provider outages; nothing is lost", async () => {
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 60));
    sandboxes.smsapp.state.addFault({
      path: "/sms/send-bulk-messages",
      times: "always",
      fault: { type: "status", status: 503 },
    });
    expect(await dispatchCampaign(getDb(), campaign.id, { ...options(), concurrency: { smsapp: 1 } })).toBe("paused");
    expect(await statusCounts(campaign.id)).toEqual({ queued: 60 });
    expect(handsetCounts(sandboxes.smsapp)).toEqual([]);
  });

  it("CPSMS scheduled: handed to CPSMS with its timestamp and held there", async () => {
    const at = new Date(Date.now() + 3 * 3600_000);
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 5), { scheduledAt: at });
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("handed-over");
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 5 });
    const [send] = sandboxes.cpsms.state.requests({ path: "/send" });
    expect((send?.body as { timestamp: number } | undefined)?.timestamp).toBe(Math.floor(at.getTime() / 1000));
    expect(handsetCounts(sandboxes.cpsms)).toEqual([]);
    const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row?.status).toBe("scheduled");
  });

  it("a queue-scheduled campaign is not sent early, and not at all when too late", async () => {
    const early = await quickCampaign("smsapp", phoneNumbers("smsapp", 3), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    expect(await dispatchCampaign(getDb(), early.id, options())).toBe("not-due");
    const late = await quickCampaign("smsapp", phoneNumbers("smsapp", 3), {
      scheduledAt: new Date(Date.now() + 1000),
      expireAfterMinutes: 30,
    });
    await getDb()
      .update(campaigns)
      .set({ scheduledAt: sql`now() - interval '2 hours'` })
      .where(eq(campaigns.id, late.id));
    expect(await dispatchCampaign(getDb(), late.id, options())).toBe("expired");
    expect(await statusCounts(late.id)).toEqual({ expired: 3 });
    expect(handsetCounts(sandboxes.smsapp)).toEqual([]);
    const [row] = await getDb().select().from(campaigns).where(eq(campaigns.id, late.id));
    expect(row?.pauseReason).toMatch(/minutes late/);
  });

  it("one row per number: a number listed twice gets one message", async () => {
    const campaign = await quickCampaign("cpsms", ["+4521000001", "+4521000001", "+4521000002"]);
    expect(campaign.recipientCount).toBe(2);
    const rows = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id));
    expect(rows).toHaveLength(2);
  });
});
