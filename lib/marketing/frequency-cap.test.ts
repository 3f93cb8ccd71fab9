import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contacts, restaurantSettings } from "@/drizzle/schema";
import { previewAutomation } from "@/lib/automations/preview-automation";
import { previewAudience } from "@/lib/campaigns/compose/preview-audience";
import { dispatchCampaign } from "@/lib/campaigns/dispatch-campaign";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { formatInZone } from "@/lib/time/zoned";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { automation, restaurant } from "@/tests/support/automations";
import { quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { capSkips } from "./frequency-cap";

// Switches the cap on in the shared settings row for the file's length: listed in vitest.config.ts's
// CHANGES_SHARED_SETTINGS, so it runs after every other file, alone.

const setCap = (enabled: boolean) =>
  getDb()
    .insert(restaurantSettings)
    .values({ id: 1, frequencyCapEnabled: enabled, frequencyCapMessages: 1, frequencyCapDays: 3 })
    .onConflictDoUpdate({
      target: restaurantSettings.id,
      set: { frequencyCapEnabled: enabled, frequencyCapMessages: 1, frequencyCapDays: 3 },
    });

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { credit: 1_000_000 }, smsapp: { balance: 1_000_000 } });
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: new URL(sandboxes.cpsms.url).port,
    SMSAPP_SANDBOX_PORT: new URL(sandboxes.smsapp.url).port,
  });
  await setCap(true);
});
afterAll(async () => {
  await setCap(false);
  await stopBoss();
  await sandboxes.stop();
});
beforeEach(() => {
  sandboxes.cpsms.state.reset();
});

const send = (campaignId: string) =>
  dispatchCampaign(getDb(), campaignId, { sessions: sandboxSessions(sandboxes), sleep: async () => {} });
const textsTo = (phone: string) => sandboxes.cpsms.state.handsets()[phone.slice(1)]?.length ?? 0;

describe("the frequency cap (on: 1 promotion per guest in 3 days)", () => {
  it("a second promotion the same day skips the guest already texted; the campaign counts it; one text", async () => {
    const texted = uniqueDkPhone();
    const fresh = uniqueDkPhone();
    const first = await quickCampaign("cpsms", [texted], { template: "Lunch: 2 for 1" });
    expect(await send(first.id)).toBe("finished");

    const second = await quickCampaign("cpsms", [texted, fresh], { template: "Dinner: free dessert" });
    expect(await send(second.id)).toBe("finished");
    expect(await statusCounts(second.id)).toEqual({ accepted: 1, cancelled: 1 });
    expect((await getCampaign(getDb(), second.id))?.frequencyCapped).toBe(1);
    expect(textsTo(texted)).toBe(1);
    expect(textsTo(fresh)).toBe(1);
  });

  it("holds for the sign-up page's welcome text too, and never for a transactional text", async () => {
    const phone = uniqueDkPhone();
    const promo = await quickCampaign("cpsms", [phone]);
    await send(promo.id);
    const welcome = await quickCampaign("cpsms", [phone], { origin: "welcome", template: "Welcome! 10% off" });
    await send(welcome.id);
    expect(await statusCounts(welcome.id)).toEqual({ cancelled: 1 });
    const confirmation = await quickCampaign("cpsms", [phone], {
      origin: "signup_confirmation",
      category: "transactional",
      template: "Reply YES to confirm",
    });
    await send(confirmation.id);
    expect(await statusCounts(confirmation.id)).toEqual({ accepted: 1 });
    expect(textsTo(phone)).toBe(2);
  });

  it("compose counts whom it would skip now, and nobody for a service message", async () => {
    const texted = await contact();
    const fresh = await contact();
    const promo = await quickCampaign("cpsms", [texted.phone]);
    await send(promo.id);
    const audience = { groupIds: [], contactIds: [texted.id, fresh.id], numbers: "" };
    const marketing = await previewAudience(getDb(), { ...audience, category: "marketing" }, "auto");
    expect(marketing.total).toBe(2);
    expect(marketing.frequencyCap).toEqual({ skipped: 1, messages: 1, days: 3 });
    const service = await previewAudience(getDb(), { ...audience, category: "transactional" }, "auto");
    expect(service.frequencyCap).toBeNull();
    expect(await capSkips(getDb(), [texted.phone, fresh.phone], new Date())).toEqual(new Set([texted.phone]));
    // Four days on, the same guests are free again: a send scheduled then skips nobody.
    const later = new Date(Date.now() + 4 * 24 * 60 * 60 * 1000);
    expect(await capSkips(getDb(), [texted.phone, fresh.phone], later)).toEqual(new Set());
    const typed = formatInZone(later, "Europe/Copenhagen", "yyyy-MM-dd'T'HH:mm");
    const scheduled = await previewAudience(getDb(), { ...audience, category: "marketing" }, "auto", typed);
    expect(scheduled.frequencyCap).toEqual({ skipped: 0, messages: 1, days: 3 });
  });
});

describe("the automation preview under the cap", () => {
  it("leaves out a guest texted a promotion today whose birthday text would come tomorrow", async () => {
    const texted = await contact();
    const fresh = await contact();
    const now = new Date();
    const tomorrow = new Date(now.getTime() + 24 * 3600_000);
    const day = { birthdayMonth: tomorrow.getUTCMonth() + 1, birthdayDay: tomorrow.getUTCDate() };
    await getDb()
      .update(contacts)
      .set(day)
      .where(inArray(contacts.id, [texted.id, fresh.id]));
    const promo = await quickCampaign("cpsms", [texted.phone], { template: "Lunch: 2 for 1" });
    expect(await send(promo.id)).toBe("finished");

    const birthday = automation("birthday", { daysBefore: 0, sendAt: "12:00" });
    const preview = await previewAutomation(getDb(), birthday, restaurant, now, [texted.id, fresh.id]);
    expect(preview.leftOut.frequencyCap).toBe(1);
    expect(preview.texted).toBe(1);
  });
});

async function contact() {
  const [row] = await getDb()
    .insert(contacts)
    .values({ phone: uniqueDkPhone(), firstName: "Mette", consentState: "granted", optOutToken: newOptOutToken() })
    .returning({ id: contacts.id, phone: contacts.phone });
  return row!;
}
