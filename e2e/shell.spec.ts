import { expect, test } from "@playwright/test";
import { sessionFile } from "./support/auth";

const SECTIONS = ["Dashboard", "Compose", "Campaigns", "Contacts", "Groups", "History", "Settings"];

test.use({ storageState: sessionFile("owner") });

test.describe("app shell", () => {
  test("at phone width the sidebar folds into a menu and every section opens without overflow", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    // Only the logo's mark shows in the header at this width; the link still has a name.
    await expect(page.getByRole("banner").getByRole("link", { name: "Cafe de Revenue", exact: true })).toBeVisible();

    for (const section of SECTIONS.slice(1)) {
      await page.getByRole("button", { name: "Open menu" }).click();
      await page.getByRole("dialog").getByRole("link", { name: section }).click();
      await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${section} overflows horizontally`).toBeLessThanOrEqual(0);
    }
  });

  test("a page loads whole, and a tapped menu item shows it is loading until its page is there", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // A full load has no loading state to replace: the rows are in the page that arrives.
    const html = await (await page.request.get("/history")).text();
    expect(html).not.toContain('aria-busy="true"');
    expect(html).not.toContain("<!--$?-->");

    await page.goto("/");
    // History's answer held back 1.5 s, as on a slow phone connection.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/history(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog");
    await menu.getByRole("link", { name: "History" }).click();
    await expect(menu.getByRole("link", { name: "History" }).locator("[data-pending]")).toBeVisible();
    await expect(menu).toBeVisible(); // the menu stays until the page is there
    release();
    await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
    await expect(menu).toBeHidden();
  });

  test("the header's menus load at first use and work from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("menu")).toHaveCount(0);
    const account = page.getByRole("button", { name: /Account menu/ });
    await account.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeFocused();
    // Loaded now: it opens as any menu does.
    await page.getByRole("button", { name: /Account menu/ }).click();
    await expect(page.getByRole("menuitem", { name: "Change password" })).toBeVisible();
  });

  test("on a laptop the sidebar marks the current section and the theme can be switched", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    for (const section of SECTIONS) await expect(nav.getByRole("link", { name: section })).toBeVisible();
    await nav.getByRole("link", { name: "Groups" }).click();
    await expect(nav.getByRole("link", { name: "Groups" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1, name: "Groups" })).toBeVisible();

    await page.getByRole("button", { name: /theme/i }).click();
    await page
      .getByRole("menuitemradio", { name: "Dark" })
      .or(page.getByRole("menuitem", { name: "Dark" }))
      .click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
  });
});
