import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signInByApi } from "./support/auth";
import { E2E } from "./support/config";
import { embeddedDbUrl } from "./support/db";
import { enqueueDispatch } from "./support/instance";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";
import { lookupOn } from "./support/lookups";
import { seedOn } from "./support/seed";

// Every figure true, on an instance of its own (so the dashboard's totals are this test's alone): the campaign
// page, the campaigns list, history and the dashboard agree on every count; held by CPSMS is scheduled, not sent;
// cost is what the providers charged; the sender shown is the one used; and a guest's withdrawal reaches the
// promotion CPSMS already holds for her.
const PORT = E2E.port + 3;
const PG_PORT = E2E.embeddedPgPort + 3;
const SANDBOX = { cpsms: E2E.cpsmsSandboxPort + 300, smsapp: E2E.smsappSandboxPort + 300 };
const dataDir = path.resolve(`data/e2e-figures-${E2E.offset}`);
const baseURL = `http://localhost:${PORT}`;
const control = (provider: "cpsms" | "smsapp") => `http://127.0.0.1:${SANDBOX[provider]}/_sandbox`;

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use({ baseURL });

let launcher: Launcher;
let dbUrl = "";
const seed = seedOn(() => dbUrl);
const lookup = lookupOn(() => dbUrl);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  launcher = startLauncher({
    PORT: String(PORT),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(PG_PORT),
    CPSMS_SANDBOX_PORT: String(SANDBOX.cpsms),
    SMSAPP_SANDBOX_PORT: String(SANDBOX.smsapp),
    ADMIN_EMAIL: E2E.owner.email,
    ADMIN_PASSWORD: E2E.owner.password,
  });
  await waitUntilReady(launcher);
  dbUrl = embeddedDbUrl(dataDir, PG_PORT);
  await seed.quietHours("00:00", "00:00"); // any hour: this test is not about quiet hours
  await seed.frequencyCap(false); // nor about the frequency cap: it texts the same guests again
});

test.afterAll(async () => {
  launcher?.child.kill("SIGTERM");
  await launcher?.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Guest = { id: string; phone: string; token: string; name: string };
const guests: Guest[] = [];
let groupId = "";
const ids = { cpsms: "", smsapp: "", held: "" };

async function seedGuests() {
  const people = [
    ["+4520300001", "Mette"],
    ["+4520300002", "Lars"],
    ["+4520300003", "Sofie"],
    ["+4520300004", "Anders"],
    ["+923001230001", "Ahmed"],
    ["+923001230002", "Sana"],
  ] as const;
  const seeded = await seed.group(
    "Figures",
    people.map(([phone, firstName]) => ({ phone, firstName, consent: "granted" as const })),
  );
  groupId = seeded.groupId;
  guests.push(...seeded.guests.map((g, i) => ({ ...g, name: people[i]![1] })));
}

/** Signs the owner in on this instance (by API: this file is about figures, not signing in) and opens `path`. */
async function openAsOwner(page: Page, path: string) {
  await signInByApi(page.context(), E2E.owner);
  await page.goto(path);
}

/** A CPSMS promotion to the Danish guests, held by CPSMS until two hours from now (written as compose does). */
async function seedHeldCampaign() {
  const at = new Date(Date.now() + 2 * 3600_000);
  const held = await seed.campaign({
    name: "Sunday brunch",
    provider: "cpsms",
    sender: "CafeRose",
    body: "Sunday brunch 10-14!",
    status: "scheduled",
    scheduledAt: at,
    scheduledVia: "provider",
    messages: guests.filter((g) => g.phone.startsWith("+45")).map((g) => ({ phone: g.phone, contactId: g.id })),
  });
  ids.held = held.id;
  await enqueueDispatch(dbUrl, ids.held);
}

/** How many of a campaign's messages are in each status. */
const statuses = async (campaignId: string) => (await lookup.campaignStatus(campaignId)).counts;
const sandboxMessages = async (provider: "cpsms" | "smsapp") =>
  ((await (await fetch(`${control(provider)}/messages`)).json()) as { messages: Record<string, unknown>[] }).messages;
const balance = async (provider: "cpsms" | "smsapp") =>
  ((await (await fetch(`${control(provider)}/balance`)).json()) as { balance: number }).balance;

/** What each view says about one campaign: the campaign page's figures and the campaigns list's line. */
async function campaignPageFigures(page: Page, campaignId: string) {
  await page.goto(`/campaigns/${campaignId}`);
  const figure = async (id: string) => {
    const cell = page.getByTestId(`count-${id}`);
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
    return (await cell.count()) ? Number((await cell.innerText()).replace(/\D/g, "")) : 0;
  };
  return {
    sent: await figure("sent"),
    delivered: await figure("delivered"),
    failed: await figure("failed"),
    scheduled: await figure("scheduled"),
    stopped: await figure("stopped"),
  };
}

/** History's own count for a campaign in one delivery state (rows on its first page; these are small). */
async function historyCount(page: Page, campaignId: string, state: string) {
  await page.goto(`/history?campaign=${campaignId}&state=${state}`);
  const table = page.getByTestId("history-table");
  await expect(table).toBeVisible();
  // Message rows link to the message's page (an empty table has one row saying so).
  return table
    .getByRole("row")
    .filter({ has: page.locator('a[href^="/history/"]') })
    .count();
}

test("send now and held by CPSMS: campaign page, campaigns list, history and dashboard agree; cost is what the providers charged", async ({
  page,
}) => {
  await seedGuests();
  const cpsmsCredit = await balance("cpsms");
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAsOwner(page, `/compose?group=${groupId}`);
  await page.getByRole("textbox", { name: "Message" }).fill("Friday: 2-for-1 cocktails 16-18!");
  await page.getByLabel("Sender").fill("CafeRose");
  await page.getByRole("button", { name: "Send now", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/campaigns/); // routing split it in two: compose shows the list
  const sent = await lookup.campaigns();
  ids.cpsms = sent.find((s) => s.provider === "cpsms")!.id;
  ids.smsapp = sent.find((s) => s.provider === "smsapp")!.id;
  await expect.poll(() => statuses(ids.cpsms), { timeout: 30_000 }).toEqual({ delivered: 4 });
  await expect.poll(() => statuses(ids.smsapp), { timeout: 90_000 }).toEqual({ delivered: 2 });

  await seedHeldCampaign();
  await expect.poll(() => statuses(ids.held), { timeout: 30_000 }).toEqual({ scheduled: 4 });

  // The campaign page: held is scheduled, with its time, not sent.
  const held = await campaignPageFigures(page, ids.held);
  expect(held).toEqual({ sent: 0, delivered: 0, failed: 0, scheduled: 4, stopped: 0 });
  await expect(page.getByTestId("campaign-when")).toContainText("Scheduled for");
  await expect(page.getByTestId("campaign-when")).toContainText("held by CPSMS");
  await expect(page.getByTestId("cost-charged")).toHaveText("Charged: 0 points");
  await expect(page.getByTestId("cost-held")).toContainText("Held by CPSMS: 4 points for 4 scheduled messages");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const now = {
    cpsms: await campaignPageFigures(page, ids.cpsms),
    smsapp: await campaignPageFigures(page, ids.smsapp),
  };
  expect(now.cpsms).toEqual({ sent: 4, delivered: 4, failed: 0, scheduled: 0, stopped: 0 });
  expect(now.smsapp).toEqual({ sent: 2, delivered: 2, failed: 0, scheduled: 0, stopped: 0 });

  // The campaigns list says the same.
  await page.goto("/campaigns");
  const row = (name: RegExp) => page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row(/Sunday brunch/).getByTestId("campaign-progress-text")).toHaveText("0 of 4 sent · 4 scheduled");
  await expect(row(/Sunday brunch/)).toContainText("4 points held by CPSMS");
  await expect(row(/\(CPSMS\.dk\)/).getByTestId("campaign-progress-text")).toHaveText("4 of 4 sent");
  await expect(row(/\(smsapp\.pk\)/).getByTestId("campaign-progress-text")).toHaveText("2 of 2 sent");

  // History counts the same, state by state.
  expect(await historyCount(page, ids.held, "scheduled")).toBe(4);
  expect(await historyCount(page, ids.held, "queued")).toBe(0);
  expect(await historyCount(page, ids.held, "delivered")).toBe(0);
  expect(await historyCount(page, ids.cpsms, "delivered")).toBe(4);
  expect(await historyCount(page, ids.smsapp, "delivered")).toBe(2);
  // The sender shown is the one the provider used (the chosen one travels with every smsapp.pk message).
  await page.goto(`/history?campaign=${ids.smsapp}`);
  await expect(page.getByTestId("history-table")).toContainText("CafeRose");
  const smsappFrom = (await sandboxMessages("smsapp")).map((m) => m.from);
  expect(new Set(smsappFrom)).toEqual(new Set(["CafeRose"]));

  // The dashboard: 6 sent today (not the 4 held), and per provider what the providers' own books say they charged.
  const charged = {
    cpsms: (await sandboxMessages("cpsms")).filter((m) => m.state === "sent").reduce((n, m) => n + Number(m.cost), 0),
    smsapp: (await sandboxMessages("smsapp")).reduce((n, m) => n + Number(m.cost), 0),
  };
  expect(charged).toEqual({ cpsms: 4, smsapp: 2 });
  await page.goto("/");
  await expect(page.getByTestId("today-sent")).toHaveText("6", { timeout: 10_000 });
  await expect(page.getByTestId("today-delivered")).toHaveText("6");
  await expect(page.getByTestId("cost-today-cpsms")).toHaveText("4 points");
  await expect(page.getByTestId("cost-today-smsapp")).toHaveText("2 units");
  const upcoming = page.getByTestId("upcoming").locator(`[data-campaign="${ids.held}"]`);
  await expect(upcoming.getByTestId("held-cost")).toContainText("4 points");
  // CPSMS took the held campaign's points already: the balance went down by what was charged plus what it holds.
  expect(cpsmsCredit - (await balance("cpsms"))).toBe(charged.cpsms + 4);
});

test("a guest opts out by her link after CPSMS took the promo: her message is deleted at CPSMS, and both pages say why", async ({
  page,
}) => {
  const mette = guests[0]!;
  await page.goto(`/o/${mette.token}`);
  await page.getByRole("button", { name: "Yes, unsubscribe me" }).click();
  await expect(page.getByTestId("opt-out-done")).toBeVisible();
  await expect.poll(() => statuses(ids.held), { timeout: 30_000 }).toEqual({ scheduled: 3, cancelled: 1 });
  const held = (await sandboxMessages("cpsms")).filter((m) => m.state === "scheduled").map((m) => `+${m.to}`);
  expect(held.sort()).toEqual(
    guests
      .slice(1, 4)
      .map((g) => g.phone)
      .sort(),
  );

  await page.setViewportSize({ width: 390, height: 844 });
  await openAsOwner(page, `/campaigns/${ids.held}`);
  expect(await campaignPageFigures(page, ids.held)).toEqual({
    sent: 0,
    delivered: 0,
    failed: 0,
    scheduled: 3,
    stopped: 1,
  });
  await expect(page.getByTestId("cost-held")).toContainText("3 points");
  await expect(page.getByRole("row").filter({ hasText: "Mette" })).toContainText(
    "Not sent: the guest opted out by their link. Deleted at CPSMS before it went out.",
  );
  await page.goto(`/contacts/${mette.id}`);
  const mine = page.getByTestId("guest-messages").locator("li").filter({ hasText: "Sunday brunch" });
  await expect(mine).toContainText("Cancelled");
  await expect(mine).toContainText("opted out by their link");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("cancelling the held send: it costs nothing anywhere and CPSMS gives the points back", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAsOwner(page, `/campaigns/${ids.held}`);
  const before = await balance("cpsms");
  await page.getByRole("button", { name: "Cancel campaign" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel campaign" }).click();
  await expect.poll(() => statuses(ids.held), { timeout: 20_000 }).toEqual({ cancelled: 4 });
  expect((await balance("cpsms")) - before).toBe(3);
  await page.reload();
  await expect(page.getByTestId("cost-charged")).toHaveText("Charged: 0 points");
  await expect(page.getByTestId("cost-held")).toHaveCount(0);
  await page.goto("/campaigns");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: /Sunday brunch/ }) });
  await expect(row.getByTestId("campaign-progress-text")).toHaveText("0 of 4 sent · 4 not sent");
  await expect(row.getByTestId("campaign-charged")).toHaveText("0 points");
  await page.goto("/");
  await expect(page.getByTestId("upcoming")).toHaveCount(0);
  await expect(page.getByTestId("cost-today-cpsms")).toHaveText("4 points");
});
