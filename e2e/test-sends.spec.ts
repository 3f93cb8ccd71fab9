import { randomInt } from "node:crypto";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { apiSessionCookie } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { handset, requestCount } from "./support/sandbox";
import { type SeededUser, seed } from "./support/seed";
import { actionManifest, callAction } from "./support/surface";

// Issue #14 item 4: "Send test" texted anyone anything. Tests now go only to the signed-in user's own phone,
// verified by a texted code, or to a staff phone a manager keeps, with the campaign's checked text and sender.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const SHOTS = "/work/shots/sec-test-sends";
const uniqueDk = () => `+4526${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
const msisdn = (e164: string) => e164.replace("+", "");

const PHONE = { viewport: { width: 390, height: 844 } };

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

/** The 6-digit code the sandbox handset of this number received last. */
async function codeFor(e164: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const text = (await handset("cpsms", msisdn(e164))).at(-1)?.text ?? "";
      code = /\b(\d{6})\b/.exec(text)?.[1] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

// A staff member of this file's own: their phone is verified here (the shared staff member's stays unset).
const staff = { user: null as null | SeededUser, phone: uniqueDk() };

test("staff verify their own phone with the texted code, then a compose test arrives on it", async ({ pageAs }) => {
  staff.user = await seed.user("staff");
  const page = await pageAs(staff.user, PHONE);
  await page.goto("/settings/account");
  const box = page.getByTestId("my-phone");
  await box.getByLabel("Your mobile number").fill(staff.phone.replace("+45", "")); // read with the default country
  await box.getByRole("button", { name: "Text me a code" }).click();
  const code = await codeFor(staff.phone);
  expect((await handset("cpsms", msisdn(staff.phone))).at(-1)?.text).toMatch(
    /code to confirm this phone for test messages/,
  );

  // A wrong code is refused and says how many tries are left.
  await box.getByLabel(/Code sent to/).fill(code === "000000" ? "111111" : "000000");
  await box.getByRole("button", { name: "Confirm" }).click();
  await expect(box.getByText(/That code isn't right.*4 tries left/)).toBeVisible();
  await shoot(page, "account-phone-code");
  await box.getByLabel(/Code sent to/).fill(code);
  await box.getByRole("button", { name: "Confirm" }).click();
  await expect(box.getByText(/is verified\./)).toBeVisible();
  await shoot(page, "account-phone-verified");

  await page.goto("/compose");
  await page.getByRole("textbox", { name: "Message" }).fill("Hi {first_name|there}, tapas night on Thursday!");
  const testBox = page.getByTestId("send-test-box");
  await expect(testBox.getByLabel("Send a test to")).toHaveValue("own", { timeout: 30_000 });
  await expect(testBox.getByRole("textbox")).toHaveCount(0); // nothing to type a number into
  await testBox.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByText(`Test sent to ${staff.phone}`)).toBeVisible();
  const received = await handset("cpsms", msisdn(staff.phone));
  expect(received.at(-1)?.text).toMatch(/^Hi Test, tapas night on Thursday!/);
  await shoot(page, "compose-test-box");
  await page.context().close();
});

test("a crafted action call can't send a test to an arbitrary number or as a bank", async () => {
  const cookie = await apiSessionCookie(staff.user!);
  const action = actionManifest().get("app/(dashboard)/compose/actions.ts#composeTestAction")!;
  const stranger = uniqueDk();
  const sendsBefore = await requestCount("cpsms", "/send");
  const base = {
    message: "Your account is locked, call us",
    category: "transactional",
    optOutFooter: false,
    footerLanguage: "en",
    provider: "cpsms",
    sender: "",
  };
  const cases: { args: Record<string, unknown>; reachesOwnPhone: boolean }[] = [
    { args: { ...base, recipient: stranger }, reachesOwnPhone: false },
    { args: { ...base, to: stranger }, reachesOwnPhone: false },
    // A stray "to" is ignored: the test goes to the staff member's own verified phone, never the stranger.
    { args: { ...base, recipient: "own", to: stranger }, reachesOwnPhone: true },
  ];
  for (const { args, reachesOwnPhone } of cases) {
    const res = await callAction({ id: action.id, page: "/compose", cookie, args: [args] });
    expect(res.status).toBeLessThan(500);
    expect(res.result).toMatchObject(reachesOwnPhone ? { ok: true, data: { to: staff.phone } } : { ok: false });
  }
  const bank = await callAction({
    id: action.id,
    page: "/compose",
    cookie,
    args: [{ ...base, recipient: "own", sender: "Danske Bank" }],
  });
  expect(bank.result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/can't contain spaces/) } });
  expect(await handset("cpsms", msisdn(stranger))).toHaveLength(0);
  expect(await requestCount("cpsms", "/send")).toBe(sendsBefore + 1); // only the one to the staff member's own phone
});

test("a manager adds a test phone; staff pick it (never type it); a manager removes it", async ({ pageAs }) => {
  const page = await pageAs("manager", PHONE);
  await page.goto("/settings/phones");
  const barPhone = uniqueDk();
  const name = `Bar phone ${randomInt(0, 10_000)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Phone number").fill(barPhone);
  await page.getByRole("button", { name: "Add phone" }).click();
  const list = page.getByRole("list", { name: "Test phones" });
  await expect(list.getByText(name)).toBeVisible();
  // On a phone the "added" toast shows at the top: at the bottom it sat over this button, and sonner keeps a
  // toast open while the pointer rests on it, so the next add had to wait for it (components/ui/sonner.tsx).
  await expect(page.locator("[data-sonner-toast]").first()).toBeVisible();
  const toast = await page.locator("[data-sonner-toast]").first().boundingBox();
  const button = await page.getByRole("button", { name: "Add phone" }).boundingBox();
  expect(toast!.y + toast!.height).toBeLessThan(button!.y);
  await page.getByLabel("Phone number").fill(barPhone);
  await page.getByLabel("Name").fill("Again");
  await page.getByRole("button", { name: "Add phone" }).click();
  await expect(page.getByText(/is already on the list as/)).toBeVisible();
  await shoot(page, "test-phones");

  const staffPage = await pageAs(staff.user!, PHONE);
  await staffPage.goto("/compose");
  await expect(staffPage.getByRole("link", { name: "Test phones" })).toHaveCount(0);
  await staffPage.getByRole("textbox", { name: "Message" }).fill("Kitchen closes at 22 tonight.");
  const testBox = staffPage.getByTestId("send-test-box");
  const option = testBox.getByRole("option", { name: new RegExp(name) });
  await expect(option).toHaveCount(1, { timeout: 30_000 }); // the list loads after the page (a busy machine is slow)
  await testBox.getByLabel("Send a test to").selectOption({ label: (await option.textContent())! });
  await testBox.getByRole("button", { name: "Send test" }).click();
  await expect(staffPage.getByText(/Test sent to \+45/)).toBeVisible();
  expect((await handset("cpsms", msisdn(barPhone))).at(-1)?.text).toMatch(/^Kitchen closes at 22 tonight\./);

  await list.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(list.getByText(name)).toHaveCount(0);
  await page.context().close();
  await staffPage.context().close();
});
