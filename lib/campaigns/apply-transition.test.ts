import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { phoneNumbers, quickCampaign, statusCounts } from "@/tests/support/campaigns";
import { messageFrom, messageTo, transitionCampaign } from "./apply-transition";

const rowOf = async (id: string) => (await getDb().select().from(campaigns).where(eq(campaigns.id, id)))[0];
const setStatus = (id: string, status: "cancelled" | "completed" | "sending") =>
  getDb().update(campaigns).set({ status }).where(eq(campaigns.id, id));

describe("transitionCampaign: one compare-and-set", () => {
  it("refuses cancelled → sending and completed → paused, and writes nothing", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, 890_000));
    await setStatus(campaign.id, "cancelled");
    expect(await transitionCampaign(getDb(), campaign.id, "start", { set: { startedAt: new Date() } })).toBe(false);
    expect(await rowOf(campaign.id)).toMatchObject({ status: "cancelled", startedAt: null });

    await setStatus(campaign.id, "completed");
    expect(await transitionCampaign(getDb(), campaign.id, "pause", { set: { pauseReason: "x" } })).toBe(false);
    expect(await transitionCampaign(getDb(), campaign.id, "providerPause")).toBe(false);
    expect(await transitionCampaign(getDb(), campaign.id, "cancel")).toBe(false);
    expect(await rowOf(campaign.id)).toMatchObject({ status: "completed", pauseReason: null });
  });

  it("wins from an allowed status, once: a second identical change finds nothing to change", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, 891_000));
    expect(await transitionCampaign(getDb(), campaign.id, "cancel")).toBe(true);
    expect(await transitionCampaign(getDb(), campaign.id, "cancel")).toBe(false);
    expect((await rowOf(campaign.id))?.status).toBe("cancelled");
  });

  it("is fenced by the dispatcher's lease when given one", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, 892_000));
    await getDb().update(campaigns).set({ leaseOwner: "a" }).where(eq(campaigns.id, campaign.id));
    expect(await transitionCampaign(getDb(), campaign.id, "start", { leaseOwner: "b" })).toBe(false);
    expect(await transitionCampaign(getDb(), campaign.id, "start", { leaseOwner: "a" })).toBe(true);
    expect((await rowOf(campaign.id))?.status).toBe("sending");
  });

  it("won't pause a send CPSMS holds, whatever the caller checked", async () => {
    const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, 893_000), {
      scheduledAt: new Date(Date.now() + 3_600_000),
    });
    expect((await rowOf(campaign.id))?.scheduledVia).toBe("provider");
    expect(await transitionCampaign(getDb(), campaign.id, "pause")).toBe(false);
    expect((await rowOf(campaign.id))?.status).toBe("scheduled");
  });
});

describe("message transitions in set-based statements", () => {
  it("move only the rows whose status allows it; the others are left as they are", async () => {
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 4, 894_000));
    await getDb().execute(sql`update campaign_messages set status = 'delivered'
      where id = (select min(id) from campaign_messages where campaign_id = ${campaign.id})`);
    // A withdrawal-style cancel of every row: the delivered one is not "cancelled" after the fact.
    await getDb().execute(sql`update campaign_messages set status = ${messageTo("withdraw")}
      where campaign_id = ${campaign.id} and ${messageFrom("withdraw")}`);
    expect(await statusCounts(campaign.id)).toEqual({ delivered: 1, cancelled: 3 });
    expect(() => messageTo("report")).toThrow();
    expect(() => messageTo("report", "buffered")).toThrow();
  });
});

describe("every status writer goes through the lifecycle", () => {
  const dir = path.join(process.cwd(), "lib/campaigns");
  const sources = fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "apply-transition.ts")
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));
  const status =
    "(draft|queued|scheduled|sending|paused|completed|cancelled|accepted|buffered|delivered|undelivered|rejected|failed|expired|unknown)";

  it("no SQL sets a status literal (it takes messageTo / campaignTo)", () => {
    const literal = new RegExp(`(\\bset\\s+|,\\s*)status\\s*=\\s*'${status}'`, "i");
    expect(sources.filter((s) => literal.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("no drizzle update sets a status literal (it takes transitionCampaign / messageTarget)", () => {
    const literal = new RegExp(`\\.set\\(\\{[^}]*\\bstatus:\\s*["'\`]${status}`, "s");
    expect(sources.filter((s) => literal.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
