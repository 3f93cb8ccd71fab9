import { expect, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { seed } from "./support/seed";

// Issue #20's report, on a campaign seeded with what the links and offers features record: unique human clicks
// (a guest tapping twice counted once, a link previewer left out), a redemption with its bill, the charged cost,
// and the per-recipient CSV, on a phone.

test.use({ storageState: sessionFile("owner"), viewport: { width: 390, height: 844 } });

test("a campaign's results: funnel, clicks without bots, redemption, revenue and the CSV at 390 px", async ({
  page,
}) => {
  const phones = ["+4520000701", "+4520000702", "+4520000703"];
  const campaign = await seed.campaign({
    name: "Pizza Friday report",
    provider: "cpsms",
    body: "2 for 1 pizza",
    status: "completed",
    messages: [
      { phone: phones[0]!, status: "delivered" },
      { phone: phones[1]!, status: "delivered" },
      { phone: phones[2]!, status: "undelivered" },
    ],
  });
  await seed.campaignResults(campaign.id, {
    clicks: [
      { phone: phones[0]!, bot: true },
      { phone: phones[0]! },
      { phone: phones[0]! },
      { phone: phones[1]!, bot: true },
    ],
    codes: [{ phone: phones[0]!, redeemed: true, billMinor: 24_950 }, { phone: phones[1]! }, { phone: phones[2]! }],
  });

  await page.goto(`/campaigns/${campaign.id}`);
  const results = page.getByTestId("campaign-results");
  await expect(results).toBeVisible();
  await expect(results.getByTestId("funnel-sent")).toHaveText("3");
  await expect(results.getByTestId("funnel-delivered")).toHaveText("2");
  await expect(results.getByTestId("funnel-clicked")).toHaveText("1"); // one guest, two taps; the previewer left out
  await expect(results.getByTestId("funnel-redeemed")).toHaveText("1");
  // The campaign page's own delivery figures say the same.
  await expect(page.getByTestId("count-sent")).toHaveText("3");
  await expect(page.getByTestId("count-delivered")).toHaveText("2");
  await expect(results.getByTestId("report-clicks").locator("[data-value]").first()).toHaveAttribute("data-value", "2");
  await expect(results.getByTestId("report-bots")).toHaveAttribute("data-value", "2");
  await expect(results.getByTestId("report-revenue").locator("[data-currency=DKK]")).toHaveAttribute(
    "data-minor",
    "24950",
  );
  await expect(results.getByTestId("report-activity")).toBeVisible();
  // Nothing wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The campaigns list's compact figure, from the same counts.
  await page.goto("/campaigns");
  await expect(
    page
      .getByRole("row", { name: /Pizza Friday report/ })
      .getByText("1 clicked · 1 redeemed")
      .first(),
  ).toBeVisible();

  const csv = await page.request.get(`${E2E.baseURL}/campaigns/${campaign.id}/export`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("Campaign,Sent at,Phone,Name,Status,Delivered,Clicked,Clicks,Bot requests,First click");
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
  expect(text).toContain("249.50,DKK");
});

test("an automation's report: daily bars up to 90 days, weekly bars over a year (still thick enough on a phone)", async ({
  page,
}) => {
  const bars = page.getByTestId("report-activity").locator("svg > g");
  await page.goto("/automations/winback?days=90");
  await expect(page.getByText("Clicks and redemptions per day", { exact: true })).toBeVisible();
  expect(await bars.count()).toBeGreaterThanOrEqual(90);

  await page.goto("/automations/winback?days=365");
  await expect(page.getByText("Clicks and redemptions per week", { exact: true })).toBeVisible();
  const weeks = await bars.count();
  expect(weeks).toBeGreaterThanOrEqual(53);
  expect(weeks).toBeLessThanOrEqual(54);
  await expect(bars.last().locator("title")).toHaveText(/^Week from \d+ \w+: \d+ clicks, \d+ redemptions$/);
});
