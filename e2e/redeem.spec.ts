import { expect, test } from "@playwright/test";
import { phoneAs, sessionFile, sharedUser } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// Issue #20's till: a guest's offer code typed at 390 px (as staff, the role at the till), the offer, the guest's
// first name and validity shown, redeemed once with the bill; a second till that looked the code up at the same
// time is refused and told when and by whom.

test.use({ storageState: sessionFile("staff"), viewport: { width: 390, height: 844 } });

/** A fresh canonical code each run (the database outlives a spec only within one run, but stay unique anyway). */
function newCode() {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  return Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * 32)]).join("");
}

test("a code typed at the till is shown, redeemed once with the bill, and a second till is refused", async ({
  page,
  browser,
}) => {
  const code = newCode();
  await seed.offerCode({ code, title: "2 for 1 pizza", phone: "+4528990001", firstName: "Mette" });
  const shown = `${code.slice(0, 4)}-${code.slice(4)}`;

  // The other till (a manager's phone) looks the same code up before anyone redeems it.
  const other = await phoneAs(browser, "manager", "/redeem");
  await other.page.getByLabel("Offer code").fill(shown);
  await other.page.getByRole("button", { name: "Look up" }).click();
  await expect(other.page.getByTestId("code-card")).toHaveAttribute("data-state", "valid");

  // This till: typed the way people type it (small letters, a space instead of the dash).
  await page.goto("/redeem");
  // In the menu, for staff too (on a phone the navigation sits behind "Open menu").
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByRole("link", { name: "Redeem" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByLabel("Offer code").fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
  await page.getByRole("button", { name: "Look up" }).click();
  const card = page.getByTestId("code-card");
  await expect(card).toHaveAttribute("data-state", "valid");
  await expect(card.getByRole("heading", { name: "2 for 1 pizza" })).toBeVisible();
  await expect(card).toContainText("For Mette");
  await expect(card).toContainText(shown);
  await page.getByLabel(/Bill/).fill("249,50");
  await page.getByRole("button", { name: "Mark redeemed" }).click();
  await expect(card).toHaveAttribute("data-state", "redeemed");
  const staff = sharedUser("staff");
  await expect(card).toContainText(`by ${staff.name}`);
  await expect(card).toContainText("249.50");
  await expect.poll(async () => (await lookup.offerCode(code))?.redeemedById).toBe(staff.id);
  expect(await lookup.offerCode(code)).toMatchObject({ billMinor: 24950, currency: "DKK" });

  // The other till presses its button now: refused, with when and by whom; nothing changes.
  await other.page.getByRole("button", { name: "Mark redeemed" }).click();
  const otherCard = other.page.getByTestId("code-card");
  await expect(otherCard).toHaveAttribute("data-state", "redeemed");
  await expect(otherCard).toContainText(`Already redeemed`);
  await expect(otherCard).toContainText(`by ${staff.name}`);
  await other.close();
  expect((await lookup.offerCode(code))?.redeemedById).toBe(staff.id);

  // The page fits a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a code that matches nothing, or can't be a code, is explained", async ({ page }) => {
  await page.goto("/redeem");
  await page.getByLabel("Offer code").fill("hello");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "isn't an offer code" })).toBeVisible();
  await page.getByLabel("Offer code").fill(newCode());
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No offer has this code" })).toBeVisible();
});

test("a promotion with an offer texts each guest a code that the till redeems", async ({ browser }) => {
  // The owner composes (at 1280), the staff phone redeems (at 390).
  const context = await browser.newContext({
    baseURL: E2E.baseURL,
    storageState: sessionFile("owner"),
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
    timezoneId: "Europe/Copenhagen",
  });
  const owner = await context.newPage();
  await seed.quietHours("00:00", "00:00");
  const { groupId } = await seed.group("Offer promo", [
    { phone: "+4528990201", firstName: "Karen" },
    { phone: "+4528990202", firstName: "Ole" },
  ]);
  await owner.goto(`/compose?group=${groupId}`);
  await owner.getByRole("textbox", { name: "Message" }).fill("Hi {first_name|there}! 2 for 1 pizza: show {offer_code}");
  await owner.getByText("Add an offer with a code for each guest").click();
  await owner.getByLabel("What the guest gets").fill("2 for 1 pizza");
  await owner.getByLabel("Valid until").fill("2099-12-31");
  await expect(owner.getByTestId("audience-total")).toHaveText("2");
  await owner.getByRole("button", { name: "Send now", exact: true }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(owner).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await context.close();

  const texts: string[] = [];
  for (const number of ["4528990201", "4528990202"]) {
    await expect.poll(async () => (await handset("cpsms", number)).length, { timeout: 20_000 }).toBe(1);
    texts.push((await handset("cpsms", number))[0]!.text);
  }
  const codes = texts.map((t) => /show ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\n/.exec(t)?.[1]);
  expect(codes.every(Boolean)).toBe(true);
  expect(new Set(codes).size).toBe(2);

  const till = await phoneAs(browser, "staff", "/redeem");
  await till.page.getByLabel("Offer code").fill(codes[0]!);
  await till.page.getByRole("button", { name: "Look up" }).click();
  const card = till.page.getByTestId("code-card");
  await expect(card).toHaveAttribute("data-state", "valid");
  await expect(card).toContainText("For Karen");
  await till.page.getByRole("button", { name: "Mark redeemed" }).click();
  await expect(card).toHaveAttribute("data-state", "redeemed");
  await till.close();
});
