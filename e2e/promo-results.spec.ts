import { expect, test } from "@playwright/test";
import { phoneAs, sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// Issue #20 end to end on the sandbox: a promotion with a link and an offer is composed; each guest's text carries
// their own short link and code; one guest opens the link from the handset's text, the till redeems the code at
// 390 px with the bill; the campaign's results say exactly that.

test.use({ storageState: sessionFile("owner"), viewport: { width: 390, height: 844 } });

const MENU = "https://rose.example/pizza";
const CODE = /([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})/;
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const SHORT_LINK = /(https?:\/\/\S+\/l\/[0-9A-Za-z]{8})/;

test("a promo's link and offer: opened from the handset, redeemed at the till, reported", async ({ page, browser }) => {
  await seed.quietHours("00:00", "00:00");
  const guests = [
    { phone: "+4528991301", firstName: "Karen" },
    { phone: "+4528991302", firstName: "Ole" },
  ];
  const { groupId } = await seed.group("Pizza Friday results", guests);

  // Compose on the owner's phone: a link and an offer with a code for each guest.
  await page.goto(`/compose?group=${groupId}`);
  await page
    .getByRole("textbox", { name: "Message" })
    .fill(`Hi {first_name|there}! 2 for 1 pizza on Friday: ${MENU} Show {offer_code} at the till.`);
  await expect(page.getByRole("switch", { name: "Shorten and track links" })).toBeChecked();
  await page.getByText("Add an offer with a code for each guest").click();
  await page.getByLabel("What the guest gets").fill("2 for 1 pizza");
  await page.getByLabel("Valid until").fill("2099-12-31");
  await expect(page.getByTestId("audience-total")).toHaveText("2");
  await page.getByRole("button", { name: "Send now", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignId = /\/campaigns\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

  // Each guest's text: their own short link and their own code, never the long URL.
  const texts: string[] = [];
  for (const g of guests) {
    const number = g.phone.slice(1);
    await expect.poll(async () => (await handset("cpsms", number)).length, { timeout: 20_000 }).toBe(1);
    texts.push((await handset("cpsms", number))[0]!.text);
  }
  for (const text of texts) expect(text).not.toContain("rose.example");
  const links = texts.map((t) => SHORT_LINK.exec(t)?.[1]);
  const codes = texts.map((t) => CODE.exec(t)?.[1]);
  expect(new Set(links).size).toBe(2);
  expect(new Set(codes).size).toBe(2);

  // Karen reads her text a minute later and taps the link on her phone: it takes her to the menu.
  await expect
    .poll(async () => Object.values(await lookup.messageStatuses(campaignId)), { timeout: 20_000 })
    .toEqual(["delivered", "delivered"]);
  await seed.textReadLater(campaignId, guests[0]!.phone);
  const tap = await page.request.get(new URL(new URL(links[0]!).pathname, E2E.baseURL).toString(), {
    maxRedirects: 0,
    headers: { "user-agent": IPHONE_SAFARI },
  });
  expect(tap.status()).toBe(302);
  expect(tap.headers().location).toBe(MENU);

  // At the till, on a staff phone: Karen shows her code; redeemed once, with the bill.
  const till = await phoneAs(browser, "staff", "/redeem");
  await till.page.getByLabel("Offer code").fill(codes[0]!);
  await till.page.getByRole("button", { name: "Look up" }).click();
  const card = till.page.getByTestId("code-card");
  await expect(card).toHaveAttribute("data-state", "valid");
  await expect(card).toContainText("For Karen");
  await till.page.getByLabel(/Bill/).fill("312,50");
  await till.page.getByRole("button", { name: "Mark redeemed" }).click();
  await expect(card).toHaveAttribute("data-state", "redeemed");
  await till.close();

  // The results on the campaign page: 2 sent and delivered, Karen's click, her redemption and its bill.
  await page.goto(`/campaigns/${campaignId}`);
  const results = page.getByTestId("campaign-results");
  await expect(results.getByTestId("funnel-sent")).toHaveText("2");
  await expect(results.getByTestId("funnel-delivered")).toHaveText("2");
  await expect(results.getByTestId("funnel-clicked")).toHaveText("1");
  await expect(results.getByTestId("funnel-redeemed")).toHaveText("1");
  await expect(results.getByTestId("report-revenue").locator("[data-currency=DKK]")).toHaveAttribute(
    "data-minor",
    "31250",
  );
  await expect(page.getByTestId("count-delivered")).toHaveText("2");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // The CSV says the same, per guest.
  const csv = await (await page.request.get(`${E2E.baseURL}/campaigns/${campaignId}/export`)).text();
  const rows = csv.split("\r\n").filter(Boolean);
  expect(rows).toHaveLength(3);
  const karenRow = rows.find((r) => r.includes("4528991301"))!;
  expect(karenRow).toContain(codes[0]!.replace("-", ""));
  expect(karenRow).toContain("312.50,DKK");
});
