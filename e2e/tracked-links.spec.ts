import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// A promotion with a link, end to end on the sandbox: compose counts the short link, the guest's text carries
// their own /l/ link, opening it redirects to the URL staff wrote and the click is recorded once.
test.use({ storageState: sessionFile("owner") });

const MENU = "https://rose.example/menu";

test("a promotion's link goes out as the guest's own short link, counted as sent, and its click is recorded", async ({
  page,
  request,
}) => {
  await seed.quietHours("00:00", "00:00");
  const { groupId } = await seed.group("Tracked links", [{ phone: "+4520377001", firstName: "Mette" }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/compose?group=${groupId}`);
  await page.getByRole("textbox", { name: "Message" }).fill(`Hi {first_name}, our new menu: ${MENU}.`);
  const toggle = page.getByRole("switch", { name: "Shorten and track links" });
  await expect(toggle).toBeChecked();
  await expect(page.getByText(/Each link goes out as the guest's own short link/)).toBeVisible();

  await page.getByRole("button", { name: "Send now", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Send now" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);

  await expect.poll(async () => (await handset("cpsms", "4520377001")).length, { timeout: 20_000 }).toBe(1);
  const text = (await handset("cpsms", "4520377001"))[0]!.text;
  expect(text).not.toContain("rose.example");
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
