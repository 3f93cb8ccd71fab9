import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { optOutLink, seed } from "./support/seed";

// A promotion with a link, end to end on the sandbox: compose counts the short link, the guest's text carries
// their own /l/ link, opening it redirects to the URL staff wrote and the click is recorded once.
test.use({ storageState: sessionFile("owner") });

const MENU = "https://rose.example/menu";

test("a promotion's link goes out as the guest's own short link, counted as sent, and its click is recorded", async ({
  page,
  request,
}) => {
  await seed.quietHours("00:00", "00:00");
  const { groupId, guests } = await seed.group("Tracked links", [{ phone: "+4520377001", firstName: "Mette" }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/compose?group=${groupId}`);
  await page.getByRole("textbox", { name: "Message" }).fill(`Hi {first_name}, our new menu: ${MENU}.`);
  const toggle = page.getByRole("switch", { name: "Shorten and track links" });
  await expect(toggle).toBeChecked();
  await expect(page.getByText(/Each link goes out as the guest's own short link/)).toBeVisible();
  // Counted as sent: the short link's length (this server's address, /l/ and 8 characters), not the URL's.
  const sent = `Hi Mette, our new menu: ${E2E.baseURL}/l/a1B2c3D4.\nStop: ${optOutLink(guests[0]!.token)}`;
  const counter = page.getByTestId("message-counter");
  await expect(counter).toContainText(`${sent.length} characters`);
  await toggle.click();
  await expect(counter).toContainText(`${sent.length - `${E2E.baseURL}/l/a1B2c3D4`.length + MENU.length} characters`);
  await toggle.click();

  await page.getByRole("button", { name: "Send now", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  await expect.poll(async () => (await handset("cpsms", "4520377001")).length, { timeout: 20_000 }).toBe(1);
  const text = (await handset("cpsms", "4520377001"))[0]!.text;
  expect(text).not.toContain("rose.example");
  expect(text.length).toBe(sent.length); // exactly what compose counted
  const link = /(https?:\/\/\S+\/l\/([0-9A-Za-z]{8}))\./.exec(text);
  expect(link, text).not.toBeNull();
  const [, shortUrl, code] = link!;

  const res = await request.get(new URL(new URL(shortUrl!).pathname, page.url()).toString(), { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect(res.headers().location).toBe(MENU);
  const { link: row, clicks } = await lookup.trackedLink(code!);
  expect(row).toMatchObject({ url: MENU, phone: "+4520377001" });
  expect(clicks).toHaveLength(1);
});
