import type { Page } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// The frequency cap on a phone: a guest texted a promotion is skipped by a second one the same day, compose says
// so before sending, the campaign page counts it, and the guest's handset has one text. The cap is off for every
// other spec (auth.setup.ts): this one switches it on (1 per 3 days) and back off.

test.use({ storageState: sessionFile("owner") });
test.describe.configure({ mode: "serial" });

const TEXTED = "+4520210001";
const FRESH = "+4520210002";
const msisdn = (e164: string) => e164.replace("+", "");

test.beforeAll(async () => {
  await seed.quietHours("00:00", "00:00"); // any hour of the day
  await seed.frequencyCap(true, 1, 3);
});
test.afterAll(() => seed.frequencyCap(false));

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
});

async function sendNow(page: Page, groupId: string, message: string) {
  await page.goto(`/compose?group=${groupId}`);
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  await page.getByLabel("Sender").fill("CafeRose");
  await expect(page.getByTestId("audience-total")).not.toHaveText("0");
  await page.getByRole("button", { name: "Send now", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
}

test("a second promotion the same day skips the guest already texted: compose warns, the campaign counts it, one text", async ({
  page,
}) => {
  const one = await seed.group("Cap first", [{ phone: TEXTED, firstName: "Mette" }]);
  const both = await seed.group("Cap second", [
    { phone: TEXTED, firstName: "Mette" },
    { phone: FRESH, firstName: "Lars" },
  ]);

  await sendNow(page, one.groupId, "Lunch today: 2 for 1 on burgers");
  await expect.poll(async () => (await handset("cpsms", msisdn(TEXTED))).length, { timeout: 20_000 }).toBe(1);

  await page.goto(`/compose?group=${both.groupId}`);
  await expect(page.getByTestId("audience-total")).toHaveText("2");
  await expect(page.getByTestId("audience-capped")).toHaveText(
    "1 of them would be skipped by the frequency cap if sent now: they already had a promotion within the last 3 days.",
  );
  await page.screenshot({ path: test.info().outputPath("compose-390.png"), fullPage: true });

  await sendNow(page, both.groupId, "Dinner tonight: free dessert");
  await expect.poll(async () => (await handset("cpsms", msisdn(FRESH))).length, { timeout: 20_000 }).toBe(1);
  await expect(page.getByTestId("frequency-capped")).toContainText("1 guest skipped by the frequency cap");
  await expect(
    page.getByText("Not sent: the guest already had a promotion within the last 3 days (frequency cap).").first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("campaign-390.png"), fullPage: true });
  // The guest already texted has the first promotion only.
  const texts = await handset("cpsms", msisdn(TEXTED));
  expect(texts.map((m) => m.text)).toEqual([expect.stringMatching(/^Lunch today/)]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`campaign-${width}.png`), fullPage: true });
  }
});

test("the owner sets the cap in Settings › Restaurant, with its meaning spelled out", async ({ page }) => {
  await page.goto("/settings/restaurant");
  const section = page.locator("form").filter({ has: page.getByLabel("Promotions allowed") });
  await expect(section.getByTestId("cap-summary")).toHaveText("A guest gets at most 1 promotion in any 3 days.");
  await section.getByLabel("Promotions allowed").fill("2");
  await section.getByLabel("In how many days").fill("7");
  await expect(section.getByTestId("cap-summary")).toHaveText("A guest gets at most 2 promotions in any 7 days.");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Frequency cap saved.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("settings-390.png"), fullPage: true });
  // Out of range: a clear message beside the field, and nothing saved.
  await section.getByLabel("In how many days").fill("45");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Enter a whole number of days from 1 to 30.")).toBeVisible();
  await page.reload();
  await expect(section.getByLabel("In how many days")).toHaveValue("7");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`settings-${width}.png`), fullPage: true });
  }
});
