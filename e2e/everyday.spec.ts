import { randomInt } from "node:crypto";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { formatInZone, MOMENT_SECONDS_FORMAT } from "@/lib/time/zoned";
import { SIGNED_OUT, sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

// Issue #13's everyday-use parts: one clock, the shell (sidebar, skip link), the dashboard's chart and getting
// started, the history date fields, the import preview's pages, and home-screen install.

const FAR_ZONE = "Asia/Karachi"; // UTC+5: neither the server's UTC nor the browser's Copenhagen

test.use({ storageState: sessionFile("owner") });

/** Width, height of a PNG from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The rendered extent of each label's text (not its box), left to right. */
async function labelExtents(page: Page, container: string) {
  return page.locator(container).evaluateAll((charts) =>
    charts.map((chart) => {
      const bounds = chart.getBoundingClientRect();
      const labels = [...chart.querySelectorAll("span")].map((span) => {
        const range = document.createRange();
        range.selectNodeContents(span);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, fontSize: parseFloat(getComputedStyle(span).fontSize) };
      });
      return { left: bounds.left, right: bounds.right, labels };
    }),
  );
}

test.describe("one clock", () => {
  test("the Users page and the sandbox inbox show times in the restaurant's zone", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await seed.withTimeZone(FAR_ZONE, async () => {
      await page.goto("/settings/users");
      const signedInAt = (await lookup.user(E2E.owner.email))!.lastSignInAt!;
      const ownerRow = page.getByRole("row").filter({ hasText: E2E.owner.email });
      await expect(ownerRow).toContainText(formatInZone(signedInAt, FAR_ZONE));
      expect(formatInZone(signedInAt, FAR_ZONE)).not.toBe(formatInZone(signedInAt, "UTC"));

      await page.goto("/settings/providers");
      const cpsms = page.getByTestId("provider-cpsms");
      const msisdn = `4520${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
      // Test sends go only to a verified phone: the owner's, set here directly.
      await seed.verifiedPhone(E2E.owner.email, `+${msisdn}`);
      await page.reload();
      await expect(cpsms.getByLabel("Send to")).toHaveValue("own", { timeout: 30_000 });
      await cpsms.getByRole("button", { name: "Send test SMS" }).click();
      // An amount reads like a sentence: "1 point", never "1 points".
      await expect(page.getByTestId("test-sms-result-cpsms")).toContainText(/cost 1 point\b/);
      const res = await fetch(`http://127.0.0.1:${E2E.cpsmsSandboxPort}/_sandbox/handsets/${msisdn}`);
      const [received] = ((await res.json()) as { messages: { receivedAtMs: number }[] }).messages;
      await page.reload();
      const inbox = page.getByRole("region", { name: "Sandbox inbox" });
      await expect(inbox.getByRole("row").filter({ hasText: `+${msisdn}` })).toContainText(
        formatInZone(new Date(received!.receivedAtMs), FAR_ZONE, MOMENT_SECONDS_FORMAT),
      );
    });
  });
});

test.describe("shell", () => {
  test("the skip link is the first stop on Tab, shows itself, and jumps to the content", async ({ page }) => {
    await page.goto("/history");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect((await skip.boundingBox())!.width).toBeGreaterThan(50);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main")).toBeFocused();
  });

  for (const width of [1280, 1920]) {
    test(`the sidebar's background reaches the bottom of a long page at ${width} px, and its links stay in view`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 600 });
      await page.goto("/");
      // The dashboard streams in: measure once its last section (the charts) is shown, not while it is on its way.
      await expect(page.locator("[data-testid=chart-days] span").first()).toBeVisible();
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(pageHeight).toBeGreaterThan(1000); // the dashboard is a long page at this height
      const sidebar = page.getByTestId("sidebar");
      expect((await sidebar.boundingBox())!.height).toBeGreaterThanOrEqual(pageHeight - 1);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }),
      ).toBeInViewport();
    });
  }
});

test.describe("dashboard", () => {
  for (const width of [390, 1280, 1920]) {
    test(`the chart's day labels are readable and never overlap at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      await expect(page.locator("[data-testid=chart-days] span").first()).toBeVisible(); // streamed in, laid out
      const charts = await labelExtents(page, "[data-testid=chart-days]");
      expect(charts).toHaveLength(2);
      for (const chart of charts) {
        expect(chart.labels.length).toBeGreaterThanOrEqual(5);
        for (const [i, label] of chart.labels.entries()) {
          expect(label.fontSize).toBeGreaterThanOrEqual(11);
          expect(label.left).toBeGreaterThanOrEqual(chart.left - 0.5);
          expect(label.right).toBeLessThanOrEqual(chart.right + 0.5);
          if (i > 0)
            expect(label.left, `label ${i} overlaps the one before`).toBeGreaterThan(chart.labels[i - 1]!.right + 2);
        }
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("getting started comes first with its progress, counted from what the restaurant has done", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("getting-started");
    if ((await card.count()) === 0) {
      // A long-used test database may have done every step already: then the list is gone, as it should be.
      await expect(page.getByTestId("stats-today")).toBeVisible();
      return;
    }
    const doneSteps = await card.locator('[data-done="true"]').count();
    await expect(page.getByTestId("getting-started-progress")).toHaveText(`${doneSteps} of 5 done`);
    expect(doneSteps).toBeLessThan(5);
    const cardTop = (await card.boundingBox())!.y;
    expect(cardTop).toBeLessThan((await page.getByTestId("stats-today").boundingBox())!.y);
    // Every undone step links to where it is done.
    for (const step of await card.locator('[data-done="false"]').all())
      await expect(step.getByRole("link")).toHaveCount(1);
  });
});

test.describe("history date fields", () => {
  for (const width of [390, 1280, 1920]) {
    test(`From and To are wide enough for a whole date and spell the day out at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/history?from=2026-11-27&to=2026-12-01");
      for (const [label, spelled] of [
        ["From", "Fri, 27 Nov 2026"],
        ["To", "Tue, 1 Dec 2026"],
      ] as const) {
        // A calendar button (the same in every browser), the day in it and in its description, the value in the form.
        const field = page.getByRole("button", { name: label, exact: true });
        await expect(page.locator(`input[name="${label.toLowerCase()}"]`)).toHaveValue(
          label === "From" ? "2026-11-27" : "2026-12-01",
        );
        await expect(field).toHaveText(spelled);
        expect((await field.boundingBox())!.width).toBeGreaterThanOrEqual(140);
        await expect(field).toHaveAccessibleDescription(spelled);
      }
    });
  }
});

test.describe("import preview", () => {
  test("pages through every row of a long file, or only the rejected rows with their reasons", async ({ page }) => {
    const base = randomInt(0, 900_000);
    const lines = ["phone,name"];
    for (let i = 0; i < 130; i++)
      lines.push(i % 10 === 9 ? `12${i},Broken ${i}` : `+4528${String(base + i).padStart(6, "0")},Guest ${i}`);
    await page.goto("/contacts/import");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "long.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
    await expect(page.getByTestId("import-summary")).toContainText("130 rows: 117 ready, 13 invalid");

    const range = page.getByTestId("import-preview-range");
    const table = page.getByTestId("import-preview");
    await expect(range).toHaveText("Rows 1–50 of 130");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(range).toHaveText("Rows 51–100 of 130");
    await expect(table.getByRole("row").nth(1)).toContainText("52");
    await page.getByLabel("Page", { exact: true }).fill("3");
    await page.getByLabel("Page", { exact: true }).press("Enter");
    await expect(range).toHaveText("Rows 101–130 of 130");
    await expect(table).toContainText("Guest 128");

    await page.getByRole("button", { name: "Rejected only (13)" }).click();
    await expect(range).toHaveText("Rows 1–13 of 13 rejected");
    await expect(table.getByRole("row")).toHaveCount(14);
    await expect(table.getByRole("row").filter({ hasText: "129" }).first()).toContainText(/digits|valid|short|number/i);
    await expect(page.getByRole("button", { name: "Rejected only (13)" })).toHaveAttribute("aria-pressed", "true");
    // e2e/accessibility.spec.ts sees the import page before a file is chosen; this is the preview itself.
    const axe = await new AxeBuilder({ page })
      .include("main")
      .withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"])
      .analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
      [],
    );

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download rejected rows (CSV)" }).click();
    const report = fs.readFileSync(await (await download).path(), "utf8");
    expect(report.split("\r\n").filter(Boolean)).toHaveLength(14); // header + 13 rows
  });
});

test.describe("home-screen install", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the manifest and its icons load signed out, and every page links them", async ({ page, request }) => {
    const res = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: "Cafe de Revenue", start_url: "/", display: "standalone" });
    const pngs = manifest.icons.filter((i) => i.type === "image/png");
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(pngs.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of [...pngs, { src: "/apple-touch-icon.png", sizes: "180x180" }]) {
      const image = await request.get(icon.src, { maxRedirects: 0 });
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await image.body()).join("x")).toBe(icon.sizes);
    }

    // The sign-in page links both, and the browser loads the manifest under the page's CSP without complaint.
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await page.goto("/sign-in");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
    // The tab icon is linked, so browsers don't fall back to a /favicon.ico that isn't there (a 404 on every page).
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/icon.svg");
    expect((await request.get("/icon.svg", { maxRedirects: 0 })).status()).toBe(200);
    const fetched = await page.evaluate(async () => (await fetch("/manifest.webmanifest")).status);
    expect(fetched).toBe(200);
    expect(violations).toEqual([]);
  });
});
