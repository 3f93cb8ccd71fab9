import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignMessages, campaigns, contacts, recurringSends, restaurantSettings, users } from "@/drizzle/schema";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { formatInZone } from "@/lib/time/zoned";
import type { ComposeInput } from "@/lib/validation/compose";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { insertUser } from "@/tests/support/factories";
import { submitCampaigns } from "../compose/submit-campaigns";
import { localDate } from "./next-occurrence";
import { runDueRecurringSends } from "./run-recurring";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes();
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: new URL(sandboxes.cpsms.url).port,
    SMSAPP_SANDBOX_PORT: new URL(sandboxes.smsapp.url).port,
  });
  await getDb()
    .insert(restaurantSettings)
    .values({ id: 1, quietHoursStart: "00:00", quietHoursEnd: "00:00" })
    .onConflictDoUpdate({ target: restaurantSettings.id, set: { quietHoursStart: "00:00", quietHoursEnd: "00:00" } });
});
afterAll(async () => {
  await stopBoss();
  await sandboxes.stop();
});

let n = 0;
async function weekly(over: Partial<Extract<ComposeInput["schedule"], { mode: "weekly" }>> = {}) {
  const manager = await insertUser({ role: "manager" });
  const [guest] = await getDb()
    .insert(contacts)
    .values({
      phone: `+4526${String(200_000 + ++n).padStart(6, "0")}`,
      firstName: "Freja",
      consentState: "granted",
      optOutToken: newOptOutToken(),
    })
    .returning();
  const result = await submitCampaigns(getDb(), manager, {
    name: "Friday happy hour",
    category: "marketing",
    groupIds: [],
    contactIds: [guest!.id],
    numbers: "",
    message: "Hi {first_name|there}, happy hour 16-18!",
    optOutFooter: true,
    footerLanguage: "en",
    provider: "cpsms",
    sender: "CafeRose",
    schedule: {
      mode: "weekly",
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      time: "16:00",
      skipDates: [],
      expireAfterMinutes: null,
      ...over,
    },
  });
  return { id: result.recurringSendId!, manager, guest: guest! };
}
const makeDue = (id: string, minutesAgo = 1) =>
  getDb()
    .update(recurringSends)
    .set({ nextRunAt: new Date(Date.now() - minutesAgo * 60_000) })
    .where(eq(recurringSends.id, id));
const runsOf = (id: string) => getDb().select().from(campaigns).where(eq(campaigns.recurringSendId, id));
const load = async (id: string) => (await getDb().select().from(recurringSends).where(eq(recurringSends.id, id)))[0]!;

describe("repeating sends", () => {
  it("creates nothing until due, then one campaign per occurrence even when several instances run at once", async () => {
    const { id, guest } = await weekly();
    expect(await runsOf(id)).toHaveLength(0);
    await makeDue(id);
    const dueAt = (await load(id)).nextRunAt!;
    await Promise.all([runDueRecurringSends(getDb()), runDueRecurringSends(getDb()), runDueRecurringSends(getDb())]);
    const runs = await runsOf(id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ occurrence: localDate(dueAt, "Europe/Copenhagen"), status: "queued" });
    const [message] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, runs[0]!.id));
    expect(message?.body).toMatch(/^Hi Freja, happy hour 16-18!\nStop: /);
    expect(message?.phone).toBe(guest.phone);
    const after = await load(id);
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after.lastOutcome).toMatch(/^Sent on .* to 1 guest\.$/);
  });

  it("re-checks consent at every run: a guest who opted out since is not texted", async () => {
    const { id, guest } = await weekly();
    await getDb().update(contacts).set({ consentState: "withdrawn" }).where(eq(contacts.id, guest.id));
    await makeDue(id);
    await runDueRecurringSends(getDb());
    expect(await runsOf(id)).toHaveLength(0);
    expect((await load(id)).lastOutcome).toMatch(/Not sent on .*No one is left to send to/);
  });

  it("skip dates are never sent and move the next run past them", async () => {
    const today = localDate(new Date(), "Europe/Copenhagen");
    const tomorrow = localDate(new Date(Date.now() + 86_400_000), "Europe/Copenhagen");
    const { id } = await weekly({ skipDates: [today, tomorrow] });
    const next = (await load(id)).nextRunAt!;
    expect([today, tomorrow]).not.toContain(localDate(next, "Europe/Copenhagen"));
  });

  it("a run hours late after an outage is dropped, not sent late", async () => {
    // Its daily time half a day from now: with a time just past (16:00 while the suite runs at 16:20), catching
    // up would rightly send today's run, which is only minutes late.
    const time = formatInZone(new Date(Date.now() + 12 * 3_600_000), "Europe/Copenhagen", "HH:mm");
    const { id } = await weekly({ expireAfterMinutes: 30, time });
    await makeDue(id, 90);
    await runDueRecurringSends(getDb());
    expect(await runsOf(id)).toHaveLength(0);
    expect((await load(id)).lastOutcome).toMatch(/more than 30 minutes late/);
  });

  it("stops when the manager who set it up is deactivated", async () => {
    const { id, manager } = await weekly();
    await getDb().update(users).set({ active: false }).where(eq(users.id, manager.id));
    await makeDue(id);
    await runDueRecurringSends(getDb());
    expect(await runsOf(id)).toHaveLength(0);
    expect(await load(id)).toMatchObject({ active: false });
  });

  it("staff cannot set up repeating sends", async () => {
    const staff = await insertUser({ role: "staff" });
    await expect(
      submitCampaigns(getDb(), staff, {
        name: "x",
        category: "transactional",
        groupIds: [],
        contactIds: [],
        numbers: "+4526999999",
        message: "Table ready",
        optOutFooter: false,
        footerLanguage: "en",
        provider: "cpsms",
        sender: "",
        schedule: { mode: "weekly", weekdays: [5], time: "16:00", skipDates: [], expireAfterMinutes: null },
      }),
    ).rejects.toThrow("Campaigns.errors.repeatingForbidden");
  });
});
