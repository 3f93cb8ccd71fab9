import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { holdoutBucket } from "@/lib/automations/holdout";
import { SERVER_NODE_ARGS } from "@/scripts/server-node-args";
import { sessionFile } from "./support/auth";
import { e2eDbUrl } from "./support/db";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// Issue #19's automations on the sandbox, with the app's clock moved (the e2e server runs with TEST_CLOCK; the
// offset lives in the database, so the server, its worker and the evaluations started here agree on it).
// A birthday, a win-back lapse and a visit's thank-you are each texted once; two evaluations started at the same
// moment in two processes (two instances) and the server's own job text each guest once; the control group is
// recorded and never texted.

test.use({ storageState: sessionFile("owner") });
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
/** The app's "now": 200 days ahead, so nothing real is due, and a moment well inside a Copenhagen day. */
const OFFSET_MS = 200 * DAY;

let counter = Date.now() % 100_000;
function dkNumber() {
  counter += 1;
  const local = `28${String(counter).padStart(6, "0")}`;
  return { e164: `+45${local}`, msisdn: `45${local}` };
}

const run = promisify(execFile);
/** One evaluation in its own process against the e2e database, as another instance would run it. */
function evaluateInAnotherProcess() {
  return run(process.execPath, [...SERVER_NODE_ARGS, "scripts/evaluate-automations.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDbUrl(), TEST_CLOCK: "1", LOG_LEVEL: "silent", NODE_ENV: "production" },
  });
}

const textsTo = async (msisdn: string) => (await handset("cpsms", msisdn)).map((m) => m.text);

test.beforeAll(async () => {
  await seed.quietHours("00:00", "00:00");
  await seed.testClock(OFFSET_MS);
});

test.afterAll(async () => {
  // Other specs' guests must not be texted by these automations, nor see the moved clock.
  for (const kind of ["birthday", "winback", "after_visit"] as const) await seed.automation(kind, { enabled: false });
  await seed.testClock(0);
});

test("a birthday, a win-back lapse and a visit's thank-you are each texted once, by two instances at once", async ({
  page,
}) => {
  const now = Date.now() + OFFSET_MS; // the app's now
  // The birthday three days after the app's today in Copenhagen, sent at 00:00 that day: due already today.
  const copenhagenToday = new Date(new Date(now).toLocaleString("en-US", { timeZone: "Europe/Copenhagen" }));
  const birthday = new Date(copenhagenToday.getTime() + 3 * DAY);
  const [a, b, c] = [dkNumber(), dkNumber(), dkNumber()];
  const [ida, bo, cai] = await seed.automationGuests([
    { phone: a.e164, firstName: "Ida", birthdayMonth: birthday.getMonth() + 1, birthdayDay: birthday.getDate() },
    { phone: b.e164, firstName: "Bo" },
    { phone: c.e164, firstName: "Cai", language: "da" },
  ]);
  await seed.visits(bo!.id, [new Date(now - 50 * DAY), new Date(now - 30 * DAY - HOUR)]);
  await seed.visits(cai!.id, [new Date(now - 3 * HOUR)]);
  await seed.automation("birthday", {
    enabled: true,
    daysBefore: 3,
    sendAt: "00:00",
    holdoutPercent: 0,
    message: { en: "Happy birthday soon, {first_name}!" },
  });
  await seed.automation("winback", {
    enabled: true,
    lapseDays: 30,
    minVisits: 2,
    holdoutPercent: 0,
    message: { en: "We miss you, {first_name}." },
    offer: { en: "Dessert on us." },
  });
  await seed.automation("after_visit", {
    enabled: true,
    hoursAfter: 2,
    holdoutPercent: 0,
    message: { en: "Thanks for coming, {first_name}!", da: "Tak for besøget, {first_name}!" },
  });

  // Two instances evaluate at the same moment (and the server's own job every minute besides).
  const [one, two] = await Promise.all([evaluateInAnotherProcess(), evaluateInAnotherProcess()]);
  const written = [one, two].flatMap((r) => JSON.parse(r.stdout) as { kind: string; texted: number }[]);
  const texted = (kind: string) => written.filter((w) => w.kind === kind).reduce((n, w) => n + w.texted, 0);
  expect(texted("birthday")).toBeGreaterThanOrEqual(1);

  await expect.poll(() => textsTo(a.msisdn), { timeout: 30_000 }).toHaveLength(1);
  await expect.poll(() => textsTo(b.msisdn), { timeout: 30_000 }).toHaveLength(1);
  await expect.poll(() => textsTo(c.msisdn), { timeout: 30_000 }).toHaveLength(1);
  expect((await textsTo(a.msisdn))[0]).toMatch(/^Happy birthday soon, Ida!/);
  expect((await textsTo(b.msisdn))[0]).toMatch(/^We miss you, Bo\.\nDessert on us\./);
  expect((await textsTo(c.msisdn))[0]).toMatch(/^Tak for besøget, Cai!/);
  const occurrences = await lookup.automationOccurrences([ida!.id, bo!.id, cai!.id]);
  expect(occurrences.map((o) => o.kind).sort()).toEqual(["after_visit", "birthday", "winback"]);

  // Run again (a retry, a restart, the next minute's job): nothing more.
  await evaluateInAnotherProcess();
  for (const n of [a, b, c]) expect(await textsTo(n.msisdn)).toHaveLength(1);

  // The automation's page: the sends it made, and honest figures.
  await page.goto("/automations/after_visit");
  await expect(page.getByTestId("test-clock-banner")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent sends" })).toBeVisible();
  await expect(page.getByTestId("automation-preview")).toContainText("The next 7 days");
  await expect(page.getByTestId("results-not-enough")).toBeVisible();
  await page.goto("/automations");
  await expect(page.getByTestId("automation-birthday")).toContainText("On");
});

test("the control group is recorded, stable and never texted", async () => {
  const now = Date.now() + OFFSET_MS;
  await seed.automation("after_visit", { enabled: true, hoursAfter: 2, holdoutPercent: 50 });
  const numbers = Array.from({ length: 12 }, () => dkNumber());
  const guests = await seed.automationGuests(numbers.map((n) => ({ phone: n.e164, firstName: "Hold" })));
  for (const g of guests) await seed.visits(g.id, [new Date(now - 2 * HOUR - 10 * 60_000)]);
  await Promise.all([evaluateInAnotherProcess(), evaluateInAnotherProcess()]);

  const rows = await lookup.automationOccurrences(guests.map((g) => g.id));
  expect(rows).toHaveLength(12);
  for (const r of rows) expect(r.holdout).toBe(holdoutBucket("after_visit", r.contactId, r.occurrenceKey) < 50);
  const held = new Set(rows.filter((r) => r.holdout).map((r) => r.contactId));
  for (const [i, g] of guests.entries()) {
    const n = numbers[i]!;
    if (held.has(g.id)) continue;
    await expect.poll(() => textsTo(n.msisdn), { timeout: 30_000 }).toHaveLength(1);
  }
  // By now every texted guest has theirs: the control group's handsets stay empty.
  for (const [i, g] of guests.entries()) if (held.has(g.id)) expect(await textsTo(numbers[i]!.msisdn)).toEqual([]);
  await evaluateInAnotherProcess();
  const again = await lookup.automationOccurrences(guests.map((g) => g.id));
  expect(again.map((r) => [r.id, r.holdout])).toEqual(rows.map((r) => [r.id, r.holdout]));
});

test("staff don't see Automations in the menu, and the page refuses them", async ({ browser }) => {
  const context = await browser.newContext({ storageState: sessionFile("staff") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "Contacts" })).toBeVisible();
  await expect(page.getByTestId("sidebar").getByRole("link", { name: "Automations" })).toHaveCount(0);
  const response = await page.goto("/automations/birthday");
  expect(response?.status()).toBe(403);
  await context.close();
});
