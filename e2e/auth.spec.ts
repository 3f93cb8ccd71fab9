import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/auth";
import { E2E } from "./support/config";
import { seed } from "./support/seed";

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to sign-in and comes back to the page they wanted", async ({ page }) => {
    await page.goto("/contacts");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcontacts/);
    await page.getByLabel("Email").fill(E2E.owner.email);
    await page.getByLabel("Password").fill(E2E.owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
  });

  test("a wrong password is refused with a clear message and the email is kept", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E.owner.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(/email and password don't match/);
    await expect(page.getByLabel("Email")).toHaveValue(E2E.owner.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the owner signs in and out; afterwards dashboard pages redirect again", async ({ page }) => {
    await signIn(page, E2E.owner.email, E2E.owner.password);
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    await signOut(page);
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fusers/);
  });

  test("sign-in works as a plain POST to /api/auth/callback/credentials", async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: E2E.owner.email, password: E2E.owner.password, csrfToken, callbackUrl: "/history" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/\/history$/);
    const page = await request.get("/history", { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("History");

    const { csrfToken: again } = await (await request.get("/api/auth/csrf")).json();
    const bad = await request.post("/api/auth/callback/credentials", {
      form: { email: E2E.owner.email, password: "wrong", csrfToken: again },
      maxRedirects: 0,
    });
    expect(bad.headers().location).toMatch(/\/sign-in\?error=CredentialsSignin&code=invalid/);
  });

  test("repeated failures pause sign-in for that account with a clear message", async ({ page }) => {
    const user = await seed.user("staff");
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
      // Wait for each attempt's server action to answer: the previous attempt's error stays on screen.
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
    }
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      /Too many failed sign-in attempts.*try again in 1[45] minutes/,
    );
    // Even the right password is refused while paused.
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(/Too many failed sign-in attempts/);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
