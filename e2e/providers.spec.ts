import { expect, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { handset, requestCount } from "./support/sandbox";
import { seed } from "./support/seed";

test.use({ storageState: sessionFile("owner") });

test.describe("provider settings", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/settings/providers");
  });

  test("with zero configuration both providers run in the sandbox, connected, with their balance", async ({ page }) => {
    await expect(page.getByTestId("sandbox-badge")).toContainText("Sandbox");
    const cpsms = page.getByTestId("provider-cpsms");
    const smsapp = page.getByTestId("provider-smsapp");
    await expect(cpsms.getByText("Sandbox", { exact: true })).toBeVisible();
    await expect(smsapp.getByText("Sandbox", { exact: true })).toBeVisible();
    await expect(page.getByTestId("connection-cpsms")).toContainText(/Connected · \d[\d,.]* points?\b/);
    await expect(page.getByTestId("connection-smsapp")).toContainText(/Connected · \d[\d,.]* units?, valid until/);
  });

  test("a test SMS is a fixed check from the default sender to a verified phone; no free number or text", async ({
    page,
  }) => {
    const cpsms = page.getByTestId("provider-cpsms");
    const sender = cpsms.getByLabel("Default sender");
    await sender.fill("Café Rose");
    await expect(cpsms.getByText("Sender names can't contain spaces.")).toBeVisible();
    await sender.fill("RestaurantNoma");
    await expect(cpsms.getByText(/at most 11 characters \(this one has 14\)/)).toBeVisible();
    await sender.fill("CafeRose");
    await cpsms.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Default sender set to CafeRose.")).toBeVisible();
    await expect(cpsms.getByLabel("Phone number")).toHaveCount(0);
    await expect(cpsms.getByLabel("Message")).toHaveCount(0);

    // The owner's own phone, verified (the code flow itself is in test-sends.spec).
    const msisdn = `4520${String(Date.now()).slice(-6)}`;
    await seed.verifiedPhone(E2E.owner.email, `+${msisdn}`);
    await page.reload();
    await expect(cpsms.getByLabel("Send to")).toHaveValue("own", { timeout: 30_000 });
    await cpsms.getByRole("button", { name: "Send test SMS" }).click();
    await expect(page.getByTestId("test-sms-result-cpsms")).toContainText(
      `CPSMS.dk accepted the message for +${msisdn}`,
    );
    await expect(page.getByTestId("test-sms-result-cpsms")).toContainText("1 segment (GSM-7), cost 1 point");
    expect(await handset("cpsms", msisdn)).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^Test from .+: CPSMS\.dk is connected\.$/),
        from: "CafeRose",
      }),
    ]);
    // The page's own sandbox inbox shows it too.
    const inbox = page.getByRole("region", { name: "Sandbox inbox" });
    await expect(inbox.getByRole("row").filter({ hasText: `+${msisdn}` })).toContainText("CPSMS.dk is connected");
  });

  test("smsapp.pk: a test with no sender ID anywhere is refused by smsapp.pk and explained", async ({ page }) => {
    const msisdn = "923007654321";
    await seed.verifiedPhone(E2E.owner.email, `+${msisdn}`);
    await page.reload();
    const smsapp = page.getByTestId("provider-smsapp");
    // With no default sender, campaigns use the account's own (bulk); a test SMS (a single send) needs one named.
    await expect(smsapp.getByText(/under your smsapp\.pk account's own default sender ID/)).toBeVisible();
    const sendsBefore = await requestCount("smsapp", "/sms/send");
    await smsapp.getByRole("button", { name: "Send test SMS" }).click();
    await expect(page.getByTestId("test-sms-result-smsapp")).toContainText("No sender ID is set for smsapp.pk");
    expect(await requestCount("smsapp", "/sms/send")).toBe(sendsBefore);
  });

  test("saved credentials are encrypted, never shown back, checked live, and can be removed", async ({ page }) => {
    const cpsms = page.getByTestId("provider-cpsms");
    await cpsms.getByLabel("CPSMS username").fill("sandbox");
    await cpsms.getByLabel("CPSMS API key").fill("wrong-key-0000");
    await cpsms.getByRole("button", { name: "Save API key" }).click();
    await expect(cpsms.getByText("Live", { exact: true })).toBeVisible();
    await expect(cpsms).toContainText("saved API key …0000");
    await expect(page.getByTestId("connection-cpsms")).toContainText(
      /Not connected: .*(username|API key|credentials)/i,
    );
    // Only smsapp.pk is still in the sandbox.
    await expect(page.getByTestId("sandbox-badge")).toHaveAttribute("title", /smsapp\.pk messages go/);
    await expect(page.getByTestId("sandbox-badge")).not.toHaveAttribute("title", /CPSMS/);

    await cpsms.getByLabel("CPSMS API key").fill("sandbox-cpsms-api-key");
    await cpsms.getByRole("button", { name: "Save API key" }).click();
    await expect(cpsms).toContainText("saved API key …-key");
    await expect(page.getByTestId("connection-cpsms")).toContainText("Connected");
    // Neither the page nor the database holds the key in clear text.
    expect(await page.content()).not.toContain("sandbox-cpsms-api-key");
    const stored = await lookup.providerSettings("cpsms");
    expect(stored?.secretCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain("sandbox-cpsms-api-key");

    await cpsms.getByRole("button", { name: "Remove saved credentials" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(cpsms.getByText("Sandbox", { exact: true })).toBeVisible();
    await expect(page.getByTestId("sandbox-badge")).toHaveAttribute("title", /CPSMS\.dk and smsapp\.pk/);
  });
});
