import type { Page } from "@playwright/test";
import { SIGNED_OUT, sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// A guest joins from the sign-up page on their phone: the confirmation text on the sandbox handset, the link,
// the guest in the book with consent from the sign-up page, and the welcome text. Then what must not happen.
test.use({ storageState: SIGNED_OUT, viewport: { width: 390, height: 844 } });

let counter = Date.now() % 100_000;
/** A fresh Danish mobile number: local form (as a guest types it) and E.164. */
function dkNumber() {
  counter += 1;
  const local = `27${String(counter).padStart(6, "0")}`;
  return { local, e164: `+45${local}`, msisdn: `45${local}` };
}

async function fill(page: Page, phone: string, firstName = "Signe") {
  await page.getByLabel("Mobile number").fill(phone);
  await page.getByLabel("First name").fill(firstName);
}

/**
 * Presses "Sign me up" once the form has been on screen as long as a person needs to fill it in (the page
 * refuses faster posts as a script's): the form's own signed "shown at" time says when that is.
 */
async function submit(page: Page, button = "Sign me up") {
  const stamp = await page.locator('input[name="stamp"]').inputValue();
  const shownAt = Number(stamp.split(".")[0]);
  await expect.poll(() => Date.now() - shownAt, { timeout: 10_000 }).toBeGreaterThan(2_700);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("button", { name: "Signing you up…" })).toHaveCount(0, { timeout: 15_000 });
}

async function textsTo(msisdn: string) {
  return (await handset("cpsms", msisdn)).map((m) => m.text);
}

test.describe("the sign-up page", () => {
  test("a form sent faster than a person could fill it in is refused, kindly", async ({ page }) => {
    await page.goto("/join");
    await fill(page, dkNumber().local);
    await page.getByRole("button", { name: "Sign me up" }).click();
    await expect(page.getByTestId("join-error")).toContainText("That was very quick!");
  });

  test.afterAll(async () => {
    await seed.automation("welcome", { enabled: false }); // later specs' guests are not welcomed
  });

  test.beforeAll(async () => {
    await seed.quietHours("00:00", "00:00");
    await seed.signupSettings({ hourlyCap: 60, hourlyCapPerCountry: 30 });
    // The welcome is the Welcome automation's (one welcome for every new consent).
    await seed.automation("welcome", {
      enabled: true,
      message: { en: "Welcome to the club, {first_name}!" },
      offer: { en: "Show this text for a free dessert." },
    });
  });

  test("sign up, get the text, confirm: the guest is in the book with consent, and welcomed once", async ({ page }) => {
    const n = dkNumber();
    await page.goto("/join");
    await expect(page.getByRole("heading", { name: "Get our offers by SMS" })).toBeVisible();
    await expect(page.getByTestId("join-wording")).toContainText("may send me offers and news by SMS");
    await fill(page, n.local);
    await page.getByLabel("Birthday: day").selectOption("14");
    await page.getByLabel("Birthday: month").selectOption({ label: "February" });
    await submit(page);
    await expect(page.getByTestId("join-sent")).toContainText("+45 27");
    // Not in the guest book until confirmed.
    expect(await lookup.contactByPhone(n.e164)).toBeUndefined();

    await expect.poll(() => textsTo(n.msisdn), { timeout: 20_000 }).toHaveLength(1);
    const [text] = await textsTo(n.msisdn);
    expect(text).toMatch(/tap to confirm you want our offers by SMS: http\S+\/j\/\w+ \(valid 48 h\)/);
    const link = new URL(/http\S+\/j\/\w+/.exec(text!)![0]);

    await page.goto(link.pathname);
    await expect(page.getByRole("heading", { name: /Confirm offers by SMS/ })).toBeVisible();
    expect(await lookup.contactByPhone(n.e164)).toBeUndefined(); // opening the link changes nothing
    await page.getByRole("button", { name: "Yes, confirm" }).click();
    await expect(page.getByTestId("signup-confirmed")).toBeVisible();

    const guest = await lookup.contactByPhone(n.e164);
    expect(guest).toMatchObject({ firstName: "Signe", birthdayDay: 14, birthdayMonth: 2, consentState: "granted" });
    expect(await lookup.consentLedger(guest!.id)).toEqual([expect.objectContaining({ source: "signup_page" })]);
    await expect
      .poll(() => textsTo(n.msisdn), { timeout: 20_000 })
      .toContainEqual(
        // The offer line ends in the guest's own offer code (issue #20).
        expect.stringMatching(
          /^Welcome to the club, Signe!\nShow this text for a free dessert\. [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\nStop: /,
        ),
      );

    // Pressing again (or a second tab) changes nothing and texts nobody.
    await page.goto(link.pathname);
    await expect(page.getByTestId("signup-confirmed")).toBeVisible();
    expect(await textsTo(n.msisdn)).toHaveLength(2);

    // Staff see it: the guest's page shows where the consent came from.
    const staff = await page
      .context()
      .browser()!
      .newPage({ storageState: sessionFile("owner") });
    await staff.goto(`/contacts/${guest!.id}`);
    await expect(staff.getByText("Sign-up page").first()).toBeVisible();
    await staff.close();
  });

  test("an expired link confirms nothing and offers a new sign-up", async ({ page }) => {
    const n = dkNumber();
    await page.goto("/join");
    await fill(page, n.local, "Otto");
    await submit(page);
    await expect(page.getByTestId("join-sent")).toBeVisible();
    await expect.poll(() => textsTo(n.msisdn), { timeout: 20_000 }).toHaveLength(1);
    const link = new URL(/http\S+\/j\/\w+/.exec((await textsTo(n.msisdn))[0]!)![0]);
    await seed.expireSignupsOf(n.e164);
    await page.goto(link.pathname);
    await expect(page.getByTestId("signup-expired")).toBeVisible();
    await expect(page.getByRole("button", { name: "Yes, confirm" })).toHaveCount(0);
    expect(await lookup.contactByPhone(n.e164)).toBeUndefined();
    await expect(page.getByRole("link", { name: "Sign up again" })).toHaveAttribute("href", "/join");
  });

  test("bad input gets a clear message at its field and writes nothing", async ({ page }) => {
    await page.goto("/join");
    const cases: [string, string, RegExp][] = [
      ["", "Signe", /Please enter your mobile number/],
      ["12", "Signe", /too few or too many digits|isn't a valid mobile number|doesn't look like a phone number/],
      ["90 12 34 56", "Signe", /landline or a special number/], // Danish premium rate
      ["+92 42 3576 1234", "Signe", /landline or a special number/], // a Lahore landline
      ["27 99 99 99", "Signe2", /letters only in your first name/],
      ["27 99 99 99", "<b>Signe</b>", /letters only in your first name/],
      ["27 99 99 99", "", /Please enter your first name/],
    ];
    for (const [phone, name, message] of cases) {
      await fill(page, phone, name);
      await submit(page);
      await expect(page.getByText(message)).toBeVisible();
      await expect(page.getByTestId("join-sent")).toHaveCount(0);
    }
    // Half a birthday is refused too.
    await fill(page, "27 99 99 99", "Signe");
    await page.getByLabel("Birthday: day").selectOption("3");
    await submit(page);
    await expect(page.getByText("Choose both the day and the month")).toBeVisible();
    expect(await lookup.signupsOf("+4527999999")).toEqual([]);
    // What was typed stays (a wrong number is corrected, not retyped).
    await expect(page.getByLabel("First name")).toHaveValue("Signe");
  });

  test("limits: a bot's honeypot is thanked and ignored; one number is texted three times a day at most", async ({
    page,
  }) => {
    const bot = dkNumber();
    await page.goto("/join");
    await fill(page, bot.local);
    await page.locator('input[name="website"]').fill("http://cheap-pills.example", { force: true });
    await submit(page);
    await expect(page.getByTestId("join-sent")).toBeVisible(); // the same answer: the bot learns nothing
    expect(await lookup.signupsOf(bot.e164)).toEqual([]);
    expect(await textsTo(bot.msisdn)).toEqual([]);

    const n = dkNumber();
    for (let i = 0; i < 3; i++) {
      await page.goto("/join");
      await fill(page, n.local);
      await submit(page);
      await expect(page.getByTestId("join-sent")).toBeVisible();
    }
    await page.goto("/join");
    await fill(page, n.local);
    await submit(page);
    await expect(page.getByTestId("join-error")).toContainText("already sent several texts to this number today");
    await expect.poll(() => textsTo(n.msisdn), { timeout: 20_000 }).toHaveLength(3);
    expect(await lookup.signupsOf(n.e164)).toHaveLength(3);
  });

  test("the hourly cap: no text once it is reached, and the guest is told to try later", async ({ page }) => {
    await seed.signupSettings({ hourlyCapPerCountry: 0 });
    try {
      const n = dkNumber();
      await page.goto("/join");
      await fill(page, n.local);
      await submit(page);
      await expect(page.getByTestId("join-error")).toContainText("can't send confirmation texts right now");
      expect(await lookup.signupsOf(n.e164)).toEqual([expect.objectContaining({ status: "capped" })]);
      expect(await textsTo(n.msisdn)).toEqual([]);
    } finally {
      await seed.signupSettings({ hourlyCapPerCountry: 30 });
    }
  });

  test("without script (a slow phone): the form still signs up, and problems come back on the page", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: SIGNED_OUT,
      viewport: { width: 390, height: 844 },
    });
    try {
      const page = await context.newPage();
      const n = dkNumber();
      await page.goto("/join?lang=da");
      await page.getByLabel("Mobilnummer").fill("27 1");
      await page.getByLabel("Fornavn").fill("Signe");
      await submit(page, "Tilmeld mig");
      await expect(page).toHaveURL(/\/join\?lang=da&problem=/);
      await expect(page.getByTestId("join-error")).toContainText(/cifre|gyldigt mobilnummer|telefonnummer/);

      await page.getByLabel("Mobilnummer").fill(n.local);
      await page.getByLabel("Fornavn").fill("Signe");
      await submit(page, "Tilmeld mig");
      await expect(page.getByTestId("join-sent")).toContainText("Vi har sendt dig en sms");
      await expect.poll(() => textsTo(n.msisdn), { timeout: 20_000 }).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  test("in the guest's language: Danish and Urdu (right to left), wording included", async ({ page }) => {
    await page.goto("/join?lang=da");
    await expect(page.getByRole("heading", { name: "Få vores tilbud på sms" })).toBeVisible();
    await expect(page.getByTestId("join-wording")).toContainText("må sende mig tilbud og nyheder på sms");
    await page.goto("/join?lang=ur");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("button", { name: "مجھے سائن اپ کریں" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto("/join/no-such-card");
    await expect(page.getByRole("heading", { name: "We don't recognise this sign-up link" })).toBeVisible();
  });
});
