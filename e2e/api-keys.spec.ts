import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

test.use({ storageState: sessionFile("owner"), viewport: { width: 390, height: 844 } });

const keyItem = (page: Page, name: string) =>
  page.getByRole("list", { name: "API keys" }).getByRole("listitem").filter({ hasText: name });

test.describe("API keys and the REST API", () => {
  test("the owner creates a key (shown once), a till records a visit with it, the guest shows it, and a revoked key gets 401", async ({
    page,
    request,
  }) => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
    const name = `Till ${randomUUID().slice(0, 6)}`;
    const form = page.getByRole("form", { name: "Create an API key" });
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(form.getByText("Give the key a name")).toBeVisible();
    await form.getByLabel("Name").fill(name);
    await form.getByRole("checkbox", { name: /Add and update guests/ }).uncheck();
    await form.getByRole("button", { name: "Create key" }).click();

    const dialog = page.getByRole("dialog", { name: `Your new key: ${name}` });
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
    const secret = await dialog.getByTestId("new-api-key").innerText();
    expect(secret).toMatch(/^cdr_[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    const item = keyItem(page, name);
    await expect(item).toContainText(`${secret.slice(0, 12)}…`);
    await expect(item).toContainText("Report visits");
    await expect(item).toContainText("never used");
    // Shown once: after a reload the page has the prefix only.
    await page.reload();
    await expect(keyItem(page, name)).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice(12));

    // The key's scope is visits only: adding a guest is refused (403); the guest is in the guest book already.
    const phone = `+4528${String(Date.now()).slice(-6)}`;
    const auth = { authorization: `Bearer ${secret}` };
    const refused = await request.post("/api/v1/guests", { headers: auth, data: { phone } });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
    const { guests } = await seed.group(`API ${name}`, [{ phone, firstName: "Api" }]);
    const guest = guests[0]!;

    const idempotencyKey = randomUUID();
    const visit = {
      guest: { phone },
      visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
      partySize: 3,
      spend: { amount: "480.00", currency: "DKK" },
      externalId: `e2e-${idempotencyKey}`,
    };
    const created = await request.post("/api/v1/visits", {
      headers: { ...auth, "idempotency-key": idempotencyKey },
      data: visit,
    });
    expect(created.status()).toBe(201);
    const replay = await request.post("/api/v1/visits", {
      headers: { ...auth, "idempotency-key": idempotencyKey },
      data: visit,
    });
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(await created.json());
    expect(await lookup.visitsOf(guest.id)).toHaveLength(1);
    // A browser's session cookie is no key: the page's own request context (signed in as the owner) gets 401.
    expect((await page.request.post("/api/v1/visits", { data: visit })).status()).toBe(401);

    await page.goto(`/contacts/${guest.id}`);
    await expect(page.getByTestId("guest-visits")).toContainText("1 visit");

    await page.goto("/settings/api-keys");
    await expect(keyItem(page, name)).toContainText("last used");
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(keyItem(page, name)).toContainText("Revoked");
    const revoked = await request.post("/api/v1/visits", { headers: auth, data: { ...visit, externalId: "x" } });
    expect(revoked.status()).toBe(401);
    expect(await lookup.auditActions((await lookup.apiKeyNamed(name))!.id)).toEqual([
      "api_key.created",
      "api_key.revoked",
    ]);
  });

  test("the OpenAPI document is served", async ({ request }) => {
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect(Object.keys((await doc.json()).paths)).toEqual(["/api/v1/guests", "/api/v1/visits"]);
  });
});

test.describe("API keys are the owner's", () => {
  for (const role of ["manager", "staff"] as const) {
    test.describe(role, () => {
      test.use({ storageState: sessionFile(role) });
      test(`a ${role} sees no API keys in Settings and can't open the page`, async ({ page }) => {
        await page.goto("/settings/account");
        await expect(page.getByRole("navigation", { name: "Settings" })).toBeVisible();
        await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
        const res = await page.goto("/settings/api-keys");
        expect(res?.status()).toBe(403);
      });
    });
  }
});
