import { SIGNED_OUT, sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

test.use({ storageState: sessionFile("owner") });

test.describe("users and roles", () => {
  test("the owner adds a staff member, who must pick a password and may not manage users", async ({
    page,
    browser,
  }) => {
    await page.goto("/settings/users");
    const email = `waiter-${Date.now()}@cafe.test`;

    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Name").fill("Freja Waiter");
    await dialog.getByLabel("Email").fill("not-an-email");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("Enter a valid email address.")).toBeVisible();
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Add user" }).click();

    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
    const temporary = await page.getByTestId("temporary-password").innerText();
    expect(temporary).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    await page.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("row", { name: /Freja Waiter/ });
    await expect(row).toContainText("Staff");
    await expect(row).toContainText("Temporary password");

    expect((await lookup.user(email))?.role).toBe("staff");

    // The new staff member signs in on their own phone (through the form: their first sign-in is what is tested).
    const staff = await browser.newPage({ viewport: { width: 390, height: 844 }, storageState: SIGNED_OUT });
    await staff.goto("/sign-in");
    await staff.getByLabel("Email").fill(email);
    await staff.getByLabel("Password").fill(temporary);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await expect(staff).toHaveURL(/\/settings\/account\?required=1/);
    await expect(staff.getByText("Choose your own password")).toBeVisible();
    await staff.goto("/contacts");
    await expect(staff).toHaveURL(/\/settings\/account\?required=1/); // nothing else until the password is changed

    await staff.getByLabel("Current password").fill(temporary);
    await staff.getByLabel("New password", { exact: true }).fill("my own good password");
    await staff.getByLabel("Repeat the new password").fill("my own good password");
    await staff.getByRole("button", { name: "Change password" }).click();
    await expect(staff).toHaveURL(/\/$/);

    // Staff may not open the Users page: a 403 with a plain explanation, and no Users tab.
    const response = await staff.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(staff.getByText("You don't have access to this page")).toBeVisible();
    await staff.goto("/settings/account");
    await expect(staff.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Users" })).toHaveCount(
      0,
    );
    await staff.close();
  });

  test("a deactivated user's open session stops at their next request", async ({ page, pageAs }) => {
    const waiter = await seed.user("staff");
    const theirs = await pageAs(waiter);
    await theirs.goto("/");
    await expect(theirs.getByRole("button", { name: /Account menu/ })).toBeVisible();

    await page.goto("/settings/users");
    await page.getByRole("button", { name: `Actions for ${waiter.name}` }).click();
    await page.getByRole("menuitem", { name: "Deactivate" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("row", { name: new RegExp(waiter.name) })).toContainText("Deactivated");

    await theirs.goto("/history");
    await expect(theirs).toHaveURL(/\/sign-in/);
    await expect(theirs.getByTestId("sign-in-error")).toHaveText(/session has ended/);
    await theirs.getByLabel("Email").fill(waiter.email);
    await theirs.getByLabel("Password").fill(waiter.password);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await expect(theirs.getByTestId("sign-in-error")).toHaveText(/deactivated/);
    await theirs.close();
  });

  test("the owner resets a password: the old one stops working and a temporary one is issued", async ({ page }) => {
    const manager = await seed.user("manager");
    await page.goto("/settings/users");
    await page.getByRole("button", { name: `Actions for ${manager.name}` }).click();
    await page.getByRole("menuitem", { name: "Reset password" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
    const temporary = await page.getByTestId("temporary-password").innerText();
    expect(temporary).not.toBe(manager.password);
    expect((await lookup.userById(manager.id))?.mustChangePassword).toBe(true);
  });

  test("a manager can use the dashboard but not the owner's pages", async ({ pageAs }) => {
    const page = await pageAs("manager");
    for (const path of ["/settings/users", "/settings/providers"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    const ok = await page.goto("/settings/account");
    expect(ok?.status()).toBe(200);
  });
});
