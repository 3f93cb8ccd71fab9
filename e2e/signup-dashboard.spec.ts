import type { Page } from "@playwright/test";
import { formatInZone } from "@/lib/time/zoned";
import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { seed } from "./support/seed";

// Issue #18 as staff see it: the dashboard's sign-ups per source and its warning when the hourly cap on
// confirmation texts turned sign-ups away; the campaigns list keeps the sign-up page's one-guest texts apart,
// and a sign-up text's page reads as one and offers no resend. On a phone.

test.use({ storageState: sessionFile("owner"), viewport: { width: 390, height: 844 } });

const run = String(Date.now()).slice(-6);
const HOUR_MS = 3_600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * HOUR_MS);
/** A local day of the restaurant (its default zone) as the scan counter writes it. */
const localDay = (n: number) => formatInZone(daysAgo(n), "Europe/Copenhagen", "yyyy-MM-dd");
/** The start of the UTC hour n hours ago, as the text budget keys its rows. */
const hourAgo = (n: number) => new Date(Math.floor((Date.now() - n * HOUR_MS) / HOUR_MS) * HOUR_MS);

/** The dashboard once it shows `text` in the sign-ups panel (the dashboard's figures are shared for 2 s). */
async function openDashboard(page: Page, text: string) {
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByTestId("signup-panel")).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** A source's line in the panel: its scans, sign-ups, confirmed and rate as shown. */
function expectFigures(page: Page, name: string, figures: [string, string, string, string]) {
  const line = page.getByTestId("signup-source").filter({ hasText: name });
  return Promise.all(
    (["scans", "signups", "confirmed", "rate"] as const).map((id, i) =>
      expect(line.getByTestId(`signup-${id}`)).toHaveText(figures[i]!),
    ),
  );
}

test("the dashboard counts scans, sign-ups and confirmations per source over 30 days", async ({ page, pageAs }) => {
  const tent = `Terrace tent ${run}`;
  const receipt = `Receipt ${run}`;
  const winter = `Winter poster ${run}`;
  const summer = `Summer poster ${run}`;
  const tentId = await seed.signupSource(tent);
  await seed.signupSource(receipt);
  const winterId = await seed.signupSource(winter, { archived: true });
  const summerId = await seed.signupSource(summer, { archived: true });
  await seed.signupScans(tentId, localDay(3), 20);
  await seed.signupScans(tentId, localDay(45), 100); // before the period
  await seed.signupScans(winterId, localDay(10), 5);
  const at = daysAgo(3);
  await seed.signups([
    ...(["confirmed", "confirmed", "confirmed", "pending", "expired", "capped"] as const).map((status) => ({
      sourceId: tentId,
      status,
      createdAt: at,
    })),
    { sourceId: tentId, status: "confirmed", createdAt: daysAgo(45) },
    { sourceId: winterId, status: "confirmed", createdAt: daysAgo(10) },
    { sourceId: winterId, status: "confirmed", createdAt: daysAgo(10) },
    { sourceId: summerId, status: "confirmed", createdAt: daysAgo(45) },
  ]);

  await openDashboard(page, tent);
  await expectFigures(page, tent, ["20", "6", "3", "50%"]);
  // An active source with nothing yet shows its zeros; an archived one shows while it has figures in the period.
  await expectFigures(page, receipt, ["0", "0", "0", "—"]);
  await expectFigures(page, winter, ["5", "2", "2", "100%"]);
  await expect(page.getByTestId("signup-source").filter({ hasText: winter })).toContainText("Archived");
  await expect(page.getByTestId("signup-source").filter({ hasText: summer })).toHaveCount(0);
  const settings = page.getByTestId("signup-panel").getByRole("link", { name: "Settings > Sign-up" });
  await expect(settings).toHaveAttribute("href", "/settings/signup");
  // Phone width: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Staff see the figures, but no link to a settings page they can't open.
  const staff = await pageAs("staff", { viewport: { width: 390, height: 844 } });
  await openDashboard(staff, tent);
  await expectFigures(staff, tent, ["20", "6", "3", "50%"]);
  await expect(staff.getByTestId("signup-panel").getByRole("link")).toHaveCount(0);
});

test("a warning says how many sign-ups the hourly cap left without a text, and where to raise it", async ({
  page,
  pageAs,
}) => {
  // Calling codes no other test uses, so these lines are this test's alone.
  const code = `+26${run.slice(-1)}`;
  const other = `+29${run.slice(-1)}`;
  await seed.signupTextBudget({ hour: hourAgo(2), scope: code, sent: 30, refused: 3 });
  await seed.signupTextBudget({ hour: hourAgo(1), scope: code, sent: 30, refused: 4 });
  await seed.signupTextBudget({ hour: hourAgo(1), scope: "all", sent: 60, refused: 2 });
  await seed.signupTextBudget({ hour: hourAgo(30), scope: other, sent: 30, refused: 9 }); // over a day ago
  try {
    await expect(async () => {
      await page.goto("/");
      await expect(page.locator(`[data-scope="${code}"]`)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const warning = page.getByTestId("signup-cap-warning");
    await expect(warning.locator(`[data-scope="${code}"]`)).toContainText(`7 sign-ups from ${code} numbers`);
    await expect(warning.locator('[data-scope="all"]')).toContainText("under the overall cap");
    await expect(warning.locator(`[data-scope="${other}"]`)).toHaveCount(0);
    await expect(warning.getByRole("link", { name: "Settings > Sign-up" })).toHaveAttribute("href", "/settings/signup");

    const staff = await pageAs("staff", { viewport: { width: 390, height: 844 } });
    await staff.goto("/");
    await expect(staff.getByTestId("signup-panel")).toBeVisible();
    await expect(staff.getByTestId("signup-cap-warning")).toHaveCount(0);
  } finally {
    // The warning lasts a day: later specs see the dashboard without it.
    for (const [hour, scope] of [
      [hourAgo(2), code],
      [hourAgo(1), code],
      [hourAgo(1), "all"],
      [hourAgo(30), other],
    ] as const)
      await seed.removeSignupTextBudget(hour, scope);
  }
});

test("the campaigns list shows staff campaigns; sign-up texts only when asked for, reading as such", async ({
  page,
}) => {
  const promo = `Lunch promo ${run}`;
  const promoId = (
    await seed.campaign({
      name: promo,
      provider: "cpsms",
      body: "Frokost 2 for 1 i dag",
      status: "completed",
      messages: [{ phone: `+4529${run}`, status: "delivered" }],
    })
  ).id;
  const confirmation = (
    await seed.campaign({
      name: "Tilmeldingsbekræftelse",
      provider: "cpsms",
      body: "Bekræft din tilmelding: http://localhost/j/abc",
      status: "completed",
      origin: "signup_confirmation",
      messages: [{ phone: `+4528${run}`, status: "undelivered" }],
    })
  ).id;
  const welcome = (
    await seed.campaign({
      name: "Velkomst-sms",
      provider: "cpsms",
      body: "Velkommen på gæstelisten!",
      status: "completed",
      origin: "welcome",
      messages: [{ phone: `+4527${run}`, status: "delivered" }],
    })
  ).id;
  const link = (id: string) => page.locator(`a[href="/campaigns/${id}"]`);

  await page.goto("/campaigns");
  await expect(link(promoId)).toHaveText(promo);
  await expect(link(confirmation)).toHaveCount(0);
  await expect(link(welcome)).toHaveCount(0);

  await page.getByLabel("Which campaigns").selectOption("signup");
  await expect(page).toHaveURL(/[?&]kind=signup/);
  await expect(link(confirmation)).toHaveText("Sign-up confirmation");
  await expect(link(welcome)).toHaveText("Welcome text");
  await expect(link(promoId)).toHaveCount(0);
  await page.getByLabel("Which campaigns").selectOption("staff");
  await expect(link(promoId)).toHaveText(promo);
  await expect(page).not.toHaveURL(/kind=/);

  // Its page and history read as a sign-up text; a failed one offers no resend (the guest signs up again).
  await page.goto(`/campaigns/${confirmation}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-up confirmation");
  await expect(page.getByTestId("signup-text-note")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend to failed" })).toHaveCount(0);
  await page.goto(`/history?campaign=${confirmation}`);
  await expect(page.getByTestId("history-table")).toContainText("Sign-up confirmation");
});
