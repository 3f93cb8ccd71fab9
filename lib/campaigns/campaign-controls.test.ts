import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaigns, restaurantSettings } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { stopBoss } from "@/lib/jobs/boss";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { insertUser } from "@/tests/support/factories";
import { approveCampaign, cancelCampaign, pauseCampaign, resumeCampaign } from "./campaign-controls";
import { dispatchCampaign } from "./dispatch-campaign";

/** A refusal as the manager reads it, in English (an AppError's message is a catalogue key, spelled out when shown). */
const readRefusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "no refusal",
    (err: AppError) => localizeMessage(err.message, err.values, "en"),
  );

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes();
  await quietHours("00:00", "00:00");
});
const quietHours = (start: string, end: string) =>
  getDb()
    .insert(restaurantSettings)
    .values({ id: 1, quietHoursStart: start, quietHoursEnd: end })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { quietHoursStart: start, quietHoursEnd: end } });
afterAll(async () => {
  await stopBoss();
  await sandboxes.stop();
});
beforeEach(() => sandboxes.cpsms.state.reset());

const options = () => ({ sessions: sandboxSessions(sandboxes), sleep: async () => {} });
const statusOf = async (id: string) => (await getDb().select().from(campaigns).where(eq(campaigns.id, id)))[0]?.status;

describe("campaign controls", () => {
  it("a staff draft that routing split over both providers is approved as one", async () => {
    const manager = await insertUser({ role: "manager" });
    const submissionId = crypto.randomUUID();
    // Service messages, so quiet hours (whatever hour the suite runs at) play no part here.
    const draft = { approved: false, category: "transactional" as const };
    const dk = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 77_000), { ...draft, submissionId });
    const pk = await quickCampaign("smsapp", phoneNumbers("smsapp", 2, 77_000), { ...draft, submissionId });
    const other = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 78_000), draft);
    expect([await statusOf(dk.id), await statusOf(pk.id)]).toEqual(["draft", "draft"]);
    await approveCampaign(getDb(), manager, pk.id);
    expect([await statusOf(dk.id), await statusOf(pk.id), await statusOf(other.id)]).toEqual([
      "queued",
      "queued",
      "draft",
    ]);
    await expect(approveCampaign(getDb(), manager, dk.id)).rejects.toThrow("Campaigns.errors.onlyDrafts");
  });

  it("cancels a CPSMS-held campaign at CPSMS when more than 10 minutes remain", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 4), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 4 });
    await cancelCampaign(getDb(), owner, campaign.id, sandboxSessions(sandboxes));
    expect(await statusOf(campaign.id)).toBe("cancelled");
    expect(await statusCounts(campaign.id)).toEqual({ cancelled: 4 });
    expect(sandboxes.cpsms.state.requests({ path: "/deletesms" }).length).toBeGreaterThan(0);
    // Past the original send time nothing arrives.
    await sandboxes.cpsms.state.advance(2 * 3600_000);
    expect(Object.keys(sandboxes.cpsms.state.handsets())).toEqual([]);
  });

  it("refuses to cancel within CPSMS's 10-minute lock, and says why", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 2), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    await dispatchCampaign(getDb(), campaign.id, options());
    await getDb()
      .update(campaigns)
      .set({ scheduledAt: sql`now() + interval '5 minutes'` })
      .where(eq(campaigns.id, campaign.id));
    await expect(cancelCampaign(getDb(), owner, campaign.id, sandboxSessions(sandboxes))).rejects.toThrow(
      "Campaigns.errors.tooLateToCancel",
    );
    expect(await statusOf(campaign.id)).toBe("scheduled");
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 2 });
  });

  it("pause and resume; a staff draft waits for approval", async () => {
    const manager = await insertUser({ role: "manager" });
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 3));
    await pauseCampaign(getDb(), manager, campaign.id);
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("paused");
    expect(await statusCounts(campaign.id)).toEqual({ queued: 3 });
    await resumeCampaign(getDb(), manager, campaign.id);
    expect(await statusOf(campaign.id)).toBe("sending");
    await expect(resumeCampaign(getDb(), manager, campaign.id)).rejects.toThrow("Campaigns.errors.onlyPausedResume");

    const draft = await quickCampaign("smsapp", phoneNumbers("smsapp", 2, 100), { approved: false });
    expect(await statusOf(draft.id)).toBe("draft");
    expect(await dispatchCampaign(getDb(), draft.id, options())).toBe("stopped");
    await approveCampaign(getDb(), manager, draft.id);
    expect(await statusOf(draft.id)).toBe("queued");
  });

  it("quiet hours apply when a promotion is sent: approving or resuming one during them is refused with the earliest time", async () => {
    const manager = await insertUser({ role: "manager" });
    const draft = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 300), { approved: false });
    const paused = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 310));
    await pauseCampaign(getDb(), manager, paused.id);
    const service = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 320), {
      approved: false,
      category: "transactional",
    });
    await quietHours("00:00", "23:59");
    try {
      await expect(readRefusal(approveCampaign(getDb(), manager, draft.id))).resolves.toMatch(
        /quiet hours.*earliest time allowed for every guest/,
      );
      expect(await statusOf(draft.id)).toBe("draft");
      await expect(readRefusal(resumeCampaign(getDb(), manager, paused.id))).resolves.toMatch(
        /quiet hours.*earliest time allowed for every guest/,
      );
      expect(await statusOf(paused.id)).toBe("paused");
      // Service messages are not held.
      await approveCampaign(getDb(), manager, service.id);
      expect(await statusOf(service.id)).toBe("queued");
    } finally {
      await quietHours("00:00", "00:00");
    }
    await approveCampaign(getDb(), manager, draft.id);
    expect(await statusOf(draft.id)).toBe("queued");
  });

  it("cancelling a queued campaign stops everything not yet sent", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 5));
    await cancelCampaign(getDb(), owner, campaign.id, sandboxSessions(sandboxes));
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("stopped");
    expect(await statusCounts(campaign.id)).toEqual({ cancelled: 5 });
    await expect(cancelCampaign(getDb(), owner, campaign.id, sandboxSessions(sandboxes))).rejects.toThrow(
      "Campaigns.errors.cantCancel",
    );
  });
});
