import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaigns, restaurantSettings } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { stopBoss } from "@/lib/jobs/boss";
import { formatInZone } from "@/lib/time/zoned";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { insertUser } from "@/tests/support/factories";
import { dispatchCampaign } from "./dispatch-campaign";
import { rescheduleCampaign } from "./reschedule-campaign";

/** A refusal as the manager reads it, in English (an AppError's message is a catalogue key, spelled out when shown). */
const readRefusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "no refusal",
    (err: AppError) => localizeMessage(err.message, err.values, "en"),
  );

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes();
  await getDb()
    .insert(restaurantSettings)
    .values({ id: 1, quietHoursStart: "00:00", quietHoursEnd: "00:00" })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { quietHoursStart: "00:00", quietHoursEnd: "00:00" } });
});
afterAll(async () => {
  await stopBoss();
  await sandboxes.stop();
});
beforeEach(() => sandboxes.cpsms.state.reset());

const local = (d: Date) => formatInZone(d, "Europe/Copenhagen", "yyyy-MM-dd'T'HH:mm");
const options = () => ({ sessions: sandboxSessions(sandboxes), sleep: async () => {} });
const row = async (id: string) => (await getDb().select().from(campaigns).where(eq(campaigns.id, id)))[0]!;

describe("rescheduleCampaign", () => {
  it("moves a CPSMS-held send: deleted at CPSMS and handed over again with the new timestamp", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 3, 700), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 3 });
    const newAt = new Date(Date.now() + 2 * 3600_000);
    newAt.setSeconds(0, 0);
    await rescheduleCampaign(getDb(), owner, campaign.id, local(newAt), sandboxSessions(sandboxes));
    expect(sandboxes.cpsms.state.requests({ path: "/deletesms" }).length).toBeGreaterThan(0);
    expect(await statusCounts(campaign.id)).toEqual({ queued: 3 });
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 3 });
    const sends = sandboxes.cpsms.state
      .requests({ path: "/send" })
      .map((r) => (r.body as { timestamp?: number }).timestamp);
    expect(sends.at(-1)).toBe(Math.floor(newAt.getTime() / 1000));
    expect((await row(campaign.id)).scheduledAt?.getTime()).toBe(newAt.getTime());
    // At the new time, every guest gets it once; nothing at the old time.
    await sandboxes.cpsms.state.advance(3 * 3600_000);
    expect(Object.values(sandboxes.cpsms.state.handsets()).map((m) => m.length)).toEqual([1, 1, 1]);
  });

  it("quiet hours are the guests' own: a Pakistani send may move to 07:00 Copenhagen time, a Danish one may not", async () => {
    const owner = await insertUser({ role: "owner" });
    const pak = await quickCampaign("smsapp", phoneNumbers("smsapp", 2, 720), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    const dan = await quickCampaign("smsapp", phoneNumbers("cpsms", 2, 730), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    const tomorrow = formatInZone(new Date(Date.now() + 86_400_000), "Europe/Copenhagen", "yyyy-MM-dd");
    await getDb()
      .update(restaurantSettings)
      .set({ quietHoursStart: "20:00", quietHoursEnd: "09:00", timeZone: "Europe/Copenhagen" })
      .where(eq(restaurantSettings.id, 1));
    try {
      await rescheduleCampaign(getDb(), owner, pak.id, `${tomorrow}T07:00`, sandboxSessions(sandboxes));
      expect(local((await row(pak.id)).scheduledAt!)).toBe(`${tomorrow}T07:00`);
      await expect(
        readRefusal(rescheduleCampaign(getDb(), owner, dan.id, `${tomorrow}T07:00`, sandboxSessions(sandboxes))),
      ).resolves.toMatch(/quiet hours.*Denmark.*09:00/);
    } finally {
      await getDb()
        .update(restaurantSettings)
        .set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" })
        .where(eq(restaurantSettings.id, 1));
    }
  });

  it("refuses within CPSMS's 10-minute lock and changes nothing", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 2, 710), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    await dispatchCampaign(getDb(), campaign.id, options());
    await getDb()
      .update(campaigns)
      .set({ scheduledAt: sql`now() + interval '5 minutes'` })
      .where(eq(campaigns.id, campaign.id));
    await expect(
      rescheduleCampaign(
        getDb(),
        owner,
        campaign.id,
        local(new Date(Date.now() + 7200_000)),
        sandboxSessions(sandboxes),
      ),
    ).rejects.toThrow("Campaigns.errors.tooLateToChange");
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 2 });
  });

  it("moves a queued smsapp.pk send by time only, and refuses past times", async () => {
    const owner = await insertUser({ role: "owner" });
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 2, 720), {
      scheduledAt: new Date(Date.now() + 3600_000),
    });
    const newAt = new Date(Date.now() + 3 * 3600_000);
    newAt.setSeconds(0, 0);
    await rescheduleCampaign(getDb(), owner, campaign.id, local(newAt), sandboxSessions(sandboxes));
    expect((await row(campaign.id)).scheduledAt?.getTime()).toBe(newAt.getTime());
    expect(await dispatchCampaign(getDb(), campaign.id, options())).toBe("not-due");
    await expect(
      rescheduleCampaign(getDb(), owner, campaign.id, "2020-01-01T10:00", sandboxSessions(sandboxes)),
    ).rejects.toThrow("Campaigns.errors.atLeastAMinute");
  });

  it("leaves a sign-up text's time to the sign-up flow", async () => {
    const owner = await insertUser({ role: "owner" });
    const at = new Date(Date.now() + 3 * 3600_000);
    const welcome = await quickCampaign("smsapp", phoneNumbers("smsapp", 1, 950_000), { scheduledAt: at });
    await getDb().execute(sql`update campaigns set origin = 'welcome' where id = ${welcome.id}`);
    expect(
      await readRefusal(
        rescheduleCampaign(
          getDb(),
          owner,
          welcome.id,
          local(new Date(at.getTime() + 3600_000)),
          sandboxSessions(sandboxes),
        ),
      ),
    ).toBe("The sign-up page sends this text by itself: it can be stopped, but not sent again or moved.");
    expect((await row(welcome.id)).scheduledAt).toEqual(at);
  });
});
