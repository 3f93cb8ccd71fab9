import { expect, type Page, test } from "@playwright/test";
import { sessionFile, signInByApi } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

// Which language the dashboard speaks: the user's own choice (Settings > Account), else what the browser asks
// for, else the restaurant's default (Settings > Restaurant). URLs carry no language.

const lang = (page: Page) => page.locator("html").getAttribute("lang");

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.getByRole("option", { name: option }).click();
}

test("a user chooses Danish on their account: every page follows, on an English browser; then back to the browser", async ({
  browser,
}) => {
  const user = await seed.user("staff");
  const context = await browser.newContext({ baseURL: E2E.baseURL, locale: "en-GB" });
  await signInByApi(context, user);
  const page = await context.newPage();
  await page.goto("/settings/account");
  expect(await lang(page)).toBe("en");

  await chooseOption(page, "Dashboard language", "Dansk");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByLabel("Dashboardets sprog")).toBeVisible();
  expect((await lookup.user(user.email))?.locale).toBe("da");
  await page.goto("/contacts");
  expect(await lang(page)).toBe("da");
  expect(page.url()).toBe(`${E2E.baseURL}/contacts`); // no locale prefix

  await page.goto("/settings/account");
  await chooseOption(page, "Dashboardets sprog", "Følg min browser");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await lookup.user(user.email))?.locale).toBeNull();
  await context.close();
});

test("with no choice of their own, the browser's language decides; a browser asking for neither gets the restaurant's default", async ({
  browser,
}) => {
  const german = await browser.newContext({
    baseURL: E2E.baseURL,
    storageState: sessionFile("owner"),
    locale: "de-DE",
  });
  const page = await german.newPage();
  try {
    await page.goto("/");
    expect(await lang(page)).toBe("en");

    await page.goto("/settings/restaurant");
    await chooseOption(page, "Default language", "Dansk");
    // The restaurant's own form (the frequency cap's has a Save of its own).
    await page
      .locator("form")
      .filter({ hasText: "Restaurant name" })
      .getByRole("button", { name: "Save", exact: true })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await page.goto("/");
    expect(await lang(page)).toBe("da");

    // A Danish browser reads Danish whatever the default; an English one English.
    for (const [locale, expected] of [
      ["da-DK", "da"],
      ["en-US", "en"],
    ] as const) {
      const context = await browser.newContext({ baseURL: E2E.baseURL, storageState: sessionFile("owner"), locale });
      const other = await context.newPage();
      await other.goto("/campaigns");
      expect(await lang(other), locale).toBe(expected);
      await context.close();
    }
  } finally {
    await seed.defaultLanguage("en");
    await german.close();
  }
});

test("dates and amounts read the Danish way, in the restaurant's time zone", async ({ browser }) => {
  // 11:00 UTC is 12:00 in Copenhagen. Sent already, so no engine touches it; the list shows its send time.
  await seed.campaign({
    name: "Julefrokost",
    provider: "cpsms",
    body: "Glædelig jul",
    status: "completed",
    scheduledAt: new Date("2026-12-03T11:00:00Z"),
    scheduledVia: "provider",
    messages: [{ phone: "+4520000071", status: "delivered" }],
  });
  const context = await browser.newContext({
    baseURL: E2E.baseURL,
    storageState: sessionFile("owner"),
    locale: "da-DK",
    timezoneId: "America/New_York", // the browser's own zone must not matter
  });
  const page = await context.newPage();
  await page.goto("/campaigns");
  const row = page.getByRole("row", { name: /Julefrokost/ });
  await expect(row).toContainText("3. dec.");
  await expect(row).toContainText("12.00");
  await context.close();
});
