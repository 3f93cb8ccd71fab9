import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { insertUser } from "@/tests/support/factories";
import { cancelCampaign, pauseCampaign } from "./campaign-controls";
import { dispatchCampaign } from "./dispatch-campaign";

/**
 * Issue #15: a staff action that lands between the dispatcher's read of a campaign and its own status write must
 * win. The dispatcher's `afterRead` seam runs the staff action exactly in that window, against real Postgres.
 */

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { credit: 1_000_000 }, smsapp: { balance: 1_000_000 } });
});
afterAll(async () => {
  await stopBoss();
  await sandboxes.stop();
});
beforeEach(() => {
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
});

const sessions = () => sandboxSessions(sandboxes);
const options = (afterRead: () => Promise<void>) => ({ sessions: sessions(), sleep: async () => {}, afterRead });
const statusOf = async (id: string) => (await getDb().select().from(campaigns).where(eq(campaigns.id, id)))[0]?.status;
const texted = (provider: "cpsms" | "smsapp") => Object.keys(sandboxes[provider].state.handsets()).length;

describe("a staff action between the dispatcher's read and its start", () => {
  it.each(["cpsms", "smsapp"] as const)(
    "%s: a cancel wins; the campaign stays cancelled and nothing is sent",
    async (provider) => {
      const manager = await insertUser({ role: "manager" });
      const campaign = await quickCampaign(provider, phoneNumbers(provider, 30, 880_000));
      const outcome = await dispatchCampaign(
        getDb(),
        campaign.id,
        options(() => cancelCampaign(getDb(), manager, campaign.id, sessions())),
      );
      expect(outcome).toBe("stopped");
      expect(await statusOf(campaign.id)).toBe("cancelled");
      expect(await statusCounts(campaign.id)).toEqual({ cancelled: 30 });
      expect(texted(provider)).toBe(0);
    },
  );

  it("a pause wins: nothing goes out until staff resume it", async () => {
    const manager = await insertUser({ role: "manager" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 30, 881_000));
    const outcome = await dispatchCampaign(
      getDb(),
      campaign.id,
      options(() => pauseCampaign(getDb(), manager, campaign.id)),
    );
    expect(outcome).toBe("paused");
    expect(await statusOf(campaign.id)).toBe("paused");
    expect(await statusCounts(campaign.id)).toEqual({ queued: 30 });
    expect(texted("cpsms")).toBe(0);
  });

  it("a cancel wins over expiry: a late campaign cancelled meanwhile stays cancelled, not completed", async () => {
    const manager = await insertUser({ role: "manager" });
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 10, 882_000), {
      scheduledAt: new Date(Date.now() - 30_000),
      expireAfterMinutes: 0,
    });
    // Written as due 30 s ago with no slack: the dispatcher finds it too late.
    const outcome = await dispatchCampaign(
      getDb(),
      campaign.id,
      options(() => cancelCampaign(getDb(), manager, campaign.id, sessions())),
    );
    expect(outcome).toBe("stopped");
    expect(await statusOf(campaign.id)).toBe("cancelled");
    expect(await statusCounts(campaign.id)).toEqual({ cancelled: 10 });
    expect(texted("smsapp")).toBe(0);
  });
});
