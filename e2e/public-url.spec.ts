import { expect, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";

test.use({ storageState: sessionFile("owner") });

// With real provider credentials (here: saved CPSMS credentials checked against the sandbox, see CPSMS_BASE_URL
// in support/config.ts) and no https PUBLIC_URL, texts would carry opt-out links no guest can open: Settings,
// compose and the dashboard say so until it is fixed. In the sandbox nothing is said (no real guest gets a link).
test.describe("opt-out links need a public https address", () => {
  test("a loud warning on Settings > Providers, compose and the dashboard while real providers are configured", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/settings/providers");
    const warning = page.getByTestId("public-url-warning");
    await expect(page.getByTestId("provider-cpsms")).toBeVisible();
    await expect(warning).toHaveCount(0);

    const cpsms = page.getByTestId("provider-cpsms");
    await cpsms.getByLabel("CPSMS username").fill("sandbox");
    await cpsms.getByLabel("CPSMS API key").fill("sandbox-cpsms-api-key");
    await cpsms.getByRole("button", { name: "Save API key" }).click();
    await expect(cpsms.getByText("Live", { exact: true })).toBeVisible();
    try {
      await page.reload();
      const said = new RegExp(
        `CPSMS\\.dk go to real guests, but PUBLIC_URL is not set: their opt-out links look like ${E2E.baseURL.replace(/[.:/]/g, "\\$&")}/o/`,
      );
      await expect(warning).toContainText(said);
      for (const path of ["/compose", "/"]) {
        await page.goto(path);
        await expect(warning).toContainText("Opt-out links in your texts don't work");
        await expect(warning).toContainText(said);
      }
    } finally {
      await page.goto("/settings/providers");
      await cpsms.getByRole("button", { name: "Remove saved credentials" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
      await expect(cpsms.getByText("Sandbox", { exact: true })).toBeVisible();
    }
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(warning).toHaveCount(0);
  });
});
