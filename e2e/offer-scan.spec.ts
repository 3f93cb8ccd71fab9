import { chromium, expect, type Page, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { offerPagePath } from "./support/offer-link";
import { seed } from "./support/seed";

// Issue #20's "scan it from the guest's screen": the guest's own page from {offer_link} (the code big, with a QR
// code), and the till's Scan button reading it through the browser's BarcodeDetector and the camera.

const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.OFFER_SCAN_SHOTS; // a folder: also save screenshots at 390/1280/1920, light and dark

function newCode() {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * 32)]).join("");
}
const shown = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

async function shots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1280, 1920]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(PHONE);
}

test.describe("the guest's offer page", () => {
  test.use({ viewport: PHONE, storageState: { cookies: [], origins: [] } });

  test("shows the code big with a QR code, in Danish and English, without sign-in; a tampered link is a 404", async ({
    page,
  }) => {
    const code = newCode();
    await seed.offerCode({ code, title: "2 for 1 pizza", phone: "+4528990201", firstName: "Mette" });
    const path = offerPagePath(code);

    const response = await page.goto(`${path}?lang=da`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()["permissions-policy"]).toContain("camera=()");
    await expect(page.getByRole("heading", { name: "2 for 1 pizza" })).toBeVisible();
    await expect(page.getByTestId("offer-code")).toHaveText(shown(code));
    await expect(page.getByTestId("offer-state")).toHaveText("Gyldig");
    await expect(page.getByRole("img", { name: `QR-kode med koden ${shown(code)}` })).toBeVisible();
    await expect(page.getByText("Dit tilbud fra")).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shots(page, "offer-page-da");

    await page.goto(`${path}?lang=en`);
    await expect(page.getByTestId("offer-state")).toHaveText("Valid");
    await expect(page.getByRole("img", { name: `QR code for the code ${shown(code)}` })).toBeVisible();
    await expect(page.getByText(/Valid until/)).toBeVisible();
    await shots(page, "offer-page-en");
    // In Urdu the page is Nastaliq, but the code stays in monospace: it is read out letter by letter at a till.
    await page.goto(`${path}?lang=ur`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ur");
    const codeFont = await page.getByTestId("offer-code").evaluate((el) => getComputedStyle(el).fontFamily);
    expect(codeFont).not.toContain("Nastaliq");
    expect(codeFont).toMatch(/mono/i);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/offer-page-ur-390.png`, fullPage: true });

    // A changed signature and a code nobody was sent: the same friendly page, a 404 either way.
    const last = path.at(-1) === "a" ? "b" : "a";
    for (const bad of [`${path.slice(0, -1)}${last}`, offerPagePath(newCode()), "/c/short"]) {
      const miss = await page.goto(`${bad}?lang=en`);
      expect(miss!.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "We can't find this offer" })).toBeVisible();
      await expect(page.getByText("2 for 1 pizza")).toHaveCount(0);
    }
  });
});

test.describe("scanning at the till", () => {
  test.use({ storageState: sessionFile("staff"), viewport: PHONE });

  test("camera=(self) only on /redeem", async ({ request }) => {
    expect((await request.get("/redeem")).headers()["permissions-policy"]).toBe(
      "camera=(self), microphone=(), geolocation=()",
    );
    for (const other of ["/", "/sign-in", "/contacts", "/c/short"]) {
      expect((await request.get(other, { maxRedirects: 0 })).headers()["permissions-policy"], other).toBe(
        "camera=(), microphone=(), geolocation=()",
      );
    }
  });

  test("without BarcodeDetector there is no Scan button; typing stays", async ({ page }) => {
    await page.addInitScript(() => {
      // Chromium on Linux has none anyway; make sure of it.
      delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    await page.goto("/redeem");
    await expect(page.getByRole("button", { name: "Look up" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Scan/ })).toHaveCount(0);
  });

  test("Scan reads the QR from the camera, fills the code and looks it up", async () => {
    const code = newCode();
    await seed.offerCode({ code, title: "Free coffee", phone: "+4528990202", firstName: "Mette" });
    // A browser of this test's own with Chromium's fake camera, granted without a prompt (not the suite's flags).
    const browser = await chromium.launch({
      executablePath: E2E.chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    });
    const context = await browser.newContext({
      baseURL: E2E.baseURL,
      storageState: sessionFile("staff"),
      viewport: PHONE,
      locale: "en-GB",
      timezoneId: "Europe/Copenhagen",
      permissions: ["camera"],
    });
    await context.addInitScript((raw) => {
      // A stand-in for the platform's QR reader: whatever the camera shows, it reads the guest's code.
      class FakeDetector {
        static async getSupportedFormats() {
          return ["qr_code"];
        }
        async detect() {
          return [{ rawValue: sessionStorage.getItem("fake-qr") ?? raw }];
        }
      }
      (window as { BarcodeDetector?: unknown }).BarcodeDetector = FakeDetector;
    }, shown(code));
    const page = await context.newPage();
    await page.goto("/redeem");
    await page.getByRole("button", { name: "Scan the guest's code" }).waitFor();
    await shots(page, "redeem-scan-en");
    await page.getByRole("button", { name: "Scan the guest's code" }).click();
    const card = page.getByTestId("code-card");
    await expect(card).toHaveAttribute("data-state", "valid");
    await expect(card.getByRole("heading", { name: "Free coffee" })).toBeVisible();
    await expect(page.getByLabel("Offer code")).toHaveValue(shown(code));
    // The dialog closed and the camera stopped with it.
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll("video")].some((v) => (v.srcObject as MediaStream | null)?.active),
        ),
      )
      .toBe(false);
    // Reached by an in-app navigation, the document is the dashboard's (camera=()): the first press loads
    // /redeem for real and opens the scanner there.
    const second = newCode();
    await seed.offerCode({ code: second, title: "Free cake", phone: "+4528990203", firstName: "Mette" });
    await page.evaluate((raw) => {
      sessionStorage.setItem("fake-qr", raw);
    }, shown(second));
    await page.goto("/");
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("link", { name: "Redeem" }).click();
    await page.waitForURL("**/redeem");
    await page.getByRole("button", { name: "Scan the guest's code" }).click();
    await expect(card.getByRole("heading", { name: "Free cake" })).toBeVisible();
    await expect(page).toHaveURL(/\/redeem$/);
    await context.close();

    if (SHOTS) {
      const da = await browser.newContext({
        baseURL: E2E.baseURL,
        storageState: sessionFile("staff"),
        viewport: PHONE,
        locale: "da-DK",
      });
      await da.addInitScript(() => {
        // A reader that sees nothing: the dialog stays open with the camera's picture.
        (window as { BarcodeDetector?: unknown }).BarcodeDetector = class {
          static async getSupportedFormats() {
            return ["qr_code"];
          }
          async detect() {
            return [];
          }
        };
      });
      const daPage = await da.newPage();
      await daPage.goto("/redeem");
      await daPage.getByRole("button", { name: /Scan/ }).waitFor();
      await shots(daPage, "redeem-scan-da");
      await daPage.getByRole("button", { name: /Scan/ }).click();
      await expect(daPage.getByRole("dialog").getByText("Leder efter en QR-kode …")).toBeVisible();
      await daPage.screenshot({ path: `${SHOTS}/redeem-scan-dialog-da-390.png` });
    }
    await browser.close();
  });
});
