import { TZDate } from "@date-fns/tz";
import type { Page } from "@playwright/test";
import { format } from "date-fns";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { addDates, fillDateTime } from "./support/date-time";
import { expect, test } from "./support/fixtures";
import { sandboxControl } from "./support/instance";
import { lookup } from "./support/lookups";
import { handset } from "./support/sandbox";
import { seed } from "./support/seed";

// Compose end to end against the server's sandboxes: who gets a message, through which provider, when, and
// the safeguards that stop a bad send before anything is written.
const ZONE = "Europe/Copenhagen";
const msisdn = (e164: string) => e164.replace("+", "");
const localInput = (date: Date) => format(new TZDate(date.getTime(), ZONE), "yyyy-MM-dd'T'HH:mm");
const setQuietHours = seed.quietHours;

test.use({ storageState: sessionFile("owner") });

async function compose(page: Page, groupId: string, message: string, sender = "CafeRose") {
  await page.goto(`/compose?group=${groupId}`);
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  await page.getByLabel("Sender").fill(sender);
}

async function confirm(page: Page, verb: "Send now" | "Schedule" | "Save for approval" | "Set up repeating send") {
  await page.getByRole("button", { name: verb, exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: verb }).click();
}

async function expectOneEach(provider: "cpsms" | "smsapp", phones: string[], text: RegExp) {
  for (const phone of phones) {
    await expect.poll(async () => (await handset(provider, msisdn(phone))).length, { timeout: 20_000 }).toBe(1);
    expect((await handset(provider, msisdn(phone)))[0]?.text).toMatch(text);
  }
}

test.describe("compose and send", () => {
  // These tests run at any hour: no quiet hours unless a test sets them.
  test.beforeAll(() => setQuietHours("00:00", "00:00"));

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/compose");
  });

  test("send now to a group through CPSMS: each consenting guest gets exactly one message, the rest are listed as left out", async ({
    page,
  }) => {
    const { groupId, guests } = await seed.group("Compose CPSMS", [
      { phone: "+4520200001", firstName: "Mette" },
      { phone: "+4520200002", firstName: "Lars" },
      { phone: "+4520200003" },
      { phone: "+4520200004", firstName: "Gone", consent: "withdrawn" },
      { phone: "+4520200005", firstName: "Never", consent: "none" },
    ]);
    await compose(page, groupId, "Hi {first_name|there}, 2-for-1 cocktails tonight!");
    await expect(page.getByTestId("audience-total")).toHaveText("3");
    await expect(page.getByTestId("audience-summary")).toContainText("3 through CPSMS.dk");
    await expect(page.getByTestId("audience-summary")).toContainText(
      "2 left out: 1 opted out of marketing, 1 no marketing consent on record",
    );
    await confirm(page, "Send now");
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expectOneEach("cpsms", ["+4520200001"], /^Hi Mette, 2-for-1 cocktails tonight!\nStop: http/);
    await expectOneEach("cpsms", ["+4520200002"], /^Hi Lars,/);
    await expectOneEach("cpsms", ["+4520200003"], /^Hi there,/);
    expect(await handset("cpsms", "4520200004")).toEqual([]);
    expect(await handset("cpsms", "4520200005")).toEqual([]);
    await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    expect(guests).toHaveLength(5);
  });

  test("a promotion with a version per language: each guest gets their language's text and footer, and every version is counted", async ({
    page,
  }) => {
    const { groupId } = await seed.group("Compose languages", [
      { phone: "+4520200091", firstName: "Mette", language: "da" },
      { phone: "+4520200092", firstName: "Tom" },
      { phone: "+923001110091", firstName: "Ayesha", language: "ur" },
    ]);
    await compose(page, groupId, "Hi {first_name|there}, lunch is on us today!");
    await expect(page.getByTestId("audience-total")).toHaveText("3");
    await expect(page.getByTestId("version-count-main")).toHaveText("3 guests get it");

    await page.getByRole("button", { name: "Add a version in Danish" }).click();
    await page.getByRole("textbox", { name: "Danish version" }).fill("Hej {first_name|der}, frokosten er på os i dag!");
    await expect(page.getByTestId("version-count-main")).toHaveText("2 guests get the main text");
    await expect(page.getByTestId("version-da")).toContainText("1 guest reads Danish");
    await expect(page.getByTestId("version-da")).toContainText("Afmeld: {opt_out_link}");

    await page.getByRole("button", { name: "Add a version in Urdu" }).click();
    await page
      .getByRole("textbox", { name: "Urdu version" })
      .fill("{first_name|دوست}، آج دوپہر کا کھانا ہماری طرف سے!");
    await expect(page.getByTestId("version-count-main")).toHaveText("1 guest gets the main text");
    await expect(page.getByTestId("version-ur")).toContainText("UCS-2");

    await confirm(page, "Send now");
    await expectOneEach("cpsms", ["+4520200091"], /^Hej Mette, frokosten er på os i dag!\nAfmeld: http/);
    await expectOneEach("cpsms", ["+4520200092"], /^Hi Tom, lunch is on us today!\nStop: http/);
    await expectOneEach("smsapp", ["+923001110091"], /^Ayesha، آج دوپہر کا کھانا ہماری طرف سے!\nبند کریں: http/);
  });

  test("automatic routing sends Pakistani numbers through smsapp.pk and Danish through CPSMS", async ({ page }) => {
    const { groupId } = await seed.group("Compose mixed", [
      { phone: "+923001110001", firstName: "Ahmed" },
      { phone: "+923001110002", firstName: "Sana" },
      { phone: "+4520200011", firstName: "Ida" },
    ]);
    await compose(page, groupId, "Hi {first_name|there}, new menu this week!");
    await expect(page.getByTestId("audience-summary")).toContainText("1 through CPSMS.dk · 2 through smsapp.pk");
    // Each provider's share, its estimated cost and its balance, before Send.
    const costs = page.getByTestId("provider-costs");
    await expect(costs.getByRole("columnheader")).toHaveText(["Provider", "Guests", "Estimated cost", "Balance"]);
    await expect(costs.getByTestId("provider-cost-cpsms").getByRole("cell")).toHaveText([
      "1",
      "about 1 point",
      /^[\d,.]+ points$/,
    ]);
    await expect(costs.getByTestId("provider-cost-smsapp").getByRole("cell")).toHaveText([
      "2",
      "about 2 units",
      /^[\d,.]+ units$/,
    ]);
    await confirm(page, "Send now");
    await expect(page).toHaveURL(/\/campaigns$/);
    await expectOneEach("smsapp", ["+923001110001"], /^Hi Ahmed, new menu/);
    await expectOneEach("smsapp", ["+923001110002"], /^Hi Sana, new menu/);
    await expectOneEach("cpsms", ["+4520200011"], /^Hi Ida, new menu/);
  });

  test("schedule through CPSMS passes the time as its timestamp; moving it and cancelling more than 10 minutes ahead go through CPSMS", async ({
    page,
  }) => {
    const { groupId } = await seed.group("Compose scheduled", [{ phone: "+4520200021", firstName: "Bo" }]);
    const at = new Date(Date.now() + 3 * 3600_000);
    at.setSeconds(0, 0);
    await compose(page, groupId, "Brunch on Sunday from 10!");
    await page.getByRole("combobox", { name: "Provider" }).selectOption({ label: "CPSMS.dk" });
    await page.getByRole("radio", { name: "Schedule" }).check();
    await fillDateTime(page, /Date and time/, localInput(at));
    await confirm(page, "Schedule");
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("cancel-lock")).toContainText("can be cancelled until", { timeout: 15_000 });

    // The dispatcher hands it to CPSMS right away, with the send time as `timestamp` (unix seconds).
    const timestamps = async () => {
      const sends = await (await fetch(`http://127.0.0.1:${E2E.cpsmsSandboxPort}/_sandbox/requests?path=/send`)).json();
      return (sends.requests as { body: { to?: unknown; timestamp?: number } }[])
        .filter((r) => JSON.stringify(r.body.to).includes("4520200021"))
        .map((r) => r.body.timestamp);
    };
    await expect.poll(timestamps, { timeout: 15_000 }).toEqual([Math.floor(at.getTime() / 1000)]);

    // Moving it an hour later: CPSMS deletes the held messages and gets them again with the new timestamp.
    const later = new Date(at.getTime() + 3600_000);
    await fillDateTime(page, /Send time/, localInput(later));
    await page.getByRole("button", { name: "Change time" }).click();
    await expect(page.getByText("Moved to the new time.")).toBeVisible();
    await expect
      .poll(timestamps, { timeout: 15_000 })
      .toEqual([Math.floor(at.getTime() / 1000), Math.floor(later.getTime() / 1000)]);
    await expect(page.getByTestId("cancel-lock")).toContainText("can be cancelled until", { timeout: 15_000 });

    await page.getByRole("button", { name: "Cancel campaign" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel campaign" }).click();
    await expect(page.getByText("Campaign cancelled.")).toBeVisible();
    const deletes = await (
      await fetch(`http://127.0.0.1:${E2E.cpsmsSandboxPort}/_sandbox/requests?path=/deletesms`)
    ).json();
    expect(deletes.requests.length).toBeGreaterThan(0);
    expect(await handset("cpsms", "4520200021")).toEqual([]);
  });

  test("a CPSMS send less than 10 minutes away can no longer be cancelled, and the page says why", async ({ page }) => {
    const { groupId } = await seed.group("Compose soon", [{ phone: "+4520200031", firstName: "Eva" }]);
    await compose(page, groupId, "See you at the tasting in a few minutes!");
    await page.getByRole("combobox", { name: "Provider" }).selectOption({ label: "CPSMS.dk" });
    await page.getByRole("radio", { name: "Schedule" }).check();
    await fillDateTime(page, /Date and time/, localInput(new Date(Date.now() + 5 * 60_000)));
    await confirm(page, "Schedule");
    await expect(page.getByTestId("cancel-lock")).toContainText("Locked: CPSMS no longer allows cancelling", {
      timeout: 15_000,
    });
    await expect(page.getByRole("button", { name: "Cancel campaign" })).toBeDisabled();
  });

  test("bad input is refused with a clear reason and nothing is queued or sent", async ({ page }) => {
    const { groupId } = await seed.group("Compose refusals", [{ phone: "+4520200041", firstName: "Kim" }]);
    const before = await lookup.campaignCount();
    // Refused when Send is pressed, before the confirm dialog opens, and said once (no toast over the button).
    const refuse = async (error: RegExp, verb: "Send now" | "Schedule" = "Send now", once = false) => {
      await page.getByRole("button", { name: verb, exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: error })).toBeVisible();
      // (A merge-field or sender problem is also marked at its field; a quiet-hours conflict only here.)
      if (once) await expect(page.getByText(error)).toHaveCount(1);
      await expect(page.getByRole("alertdialog")).toHaveCount(0);
    };

    await compose(page, groupId, "Hi {frist_name}!");
    await expect(page.getByTestId("audience-total")).toHaveText("1");
    await refuse(/Unknown merge field \{frist_name\}: did you mean \{first_name\}\?/);

    await compose(page, groupId, "Quiz night tonight!", "Café Rose");
    await expect(page.getByTestId("audience-total")).toHaveText("1");
    await refuse(/can't be used with CPSMS\.dk/);

    await compose(page, groupId, "Quiz night tonight!");
    await page.getByRole("radio", { name: "Schedule" }).check();
    await fillDateTime(page, /Date and time/, localInput(new Date(Date.now() - 3600_000)));
    await refuse(/has already passed/, "Schedule");

    await setQuietHours("00:00", "23:59");
    try {
      await compose(page, groupId, "Quiz night tonight!");
      await expect(page.getByTestId("audience-total")).toHaveText("1");
      await refuse(
        /within quiet hours \(00:00–23:59\) for guests in Denmark.*earliest time allowed for every guest of that send/,
        "Send now",
        true,
      );
    } finally {
      await setQuietHours("00:00", "00:00");
    }

    const cpsms = sandboxControl(E2E.cpsmsSandboxPort);
    await cpsms.setBalance(0);
    try {
      await compose(page, groupId, "Quiz night tonight!");
      await expect(page.getByTestId("audience-total")).toHaveText("1");
      // Shown before Send is pressed, and refused when it is.
      await expect(page.getByTestId("provider-cost-cpsms").getByRole("alert")).toHaveText(
        /CPSMS\.dk can't cover this: about 1 point needed, 0 points left/,
      );
      await refuse(
        /Not enough CPSMS\.dk credit: this send needs about 1 point and the account has 0 points/,
        "Send now",
        true,
      );
    } finally {
      await cpsms.setBalance(10_000);
    }

    await page.goto("/compose");
    await page.getByLabel("Paste numbers").fill("12345\n+4520209999");
    await expect(page.getByTestId("audience-total")).toHaveText("0");
    await expect(page.getByTestId("audience-summary")).toContainText(
      "1 not a valid mobile number, 1 not in the guest book",
    );
    await page.getByRole("textbox", { name: "Message" }).fill("Hello");
    await expect(page.getByRole("button", { name: "Send now", exact: true })).toBeDisabled();

    expect(await lookup.campaignCount()).toBe(before);
    expect(await handset("cpsms", "4520200041")).toEqual([]);
  });

  test("staff save a draft during quiet hours; it goes out only when a manager approves it outside them", async ({
    page,
    pageAs,
  }) => {
    const { groupId } = await seed.group("Compose drafts", [{ phone: "+4520200051", firstName: "Jo" }]);
    const staffPage = await pageAs("staff");
    await staffPage.goto("/compose");
    // Staff write after closing: quiet hours apply when a promotion is sent, not when it is drafted.
    await setQuietHours("00:00", "23:59");
    let url: string;
    try {
      await compose(staffPage, groupId, "Wine tasting on Thursday!");
      await expect(staffPage.getByText("A manager or owner approves it before it goes out.")).toBeVisible();
      await confirm(staffPage, "Save for approval");
      await expect(staffPage).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
      url = staffPage.url();
      await staffPage.close();

      // Approving is sending: refused during quiet hours, with the earliest time.
      await page.goto(url);
      await page.getByRole("button", { name: "Approve and send" }).click();
      await expect(page.getByText(/It is now within quiet hours.*earliest time allowed/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Approve and send" })).toBeVisible();
    } finally {
      await setQuietHours("00:00", "00:00");
    }
    expect(await handset("cpsms", "4520200051")).toEqual([]);

    await page.reload();
    await page.getByRole("button", { name: "Approve and send" }).click();
    await expectOneEach("cpsms", ["+4520200051"], /^Wine tasting on Thursday!/);
  });
});

test.describe("repeating sends", () => {
  test.beforeAll(() => setQuietHours("00:00", "00:00"));

  test("a manager sets up a weekly send with dates to skip; it is listed with its next run and can be stopped and deleted", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/compose");
    const { groupId } = await seed.group("Compose weekly", [{ phone: "+4520200061", firstName: "Nora" }]);
    await compose(page, groupId, "Friday happy hour 16-18!");
    await page.getByLabel("Campaign name").fill("Friday happy hour");
    await page.getByRole("radio", { name: "Repeat weekly" }).check();
    await expect(page.getByRole("button", { name: "Fri", pressed: true })).toBeVisible();
    await page.getByRole("button", { name: "Mon" }).click();
    await page.getByLabel(/^Time/).fill("16:30");
    await addDates(page, "Dates to skip", ["2026-12-25", "2027-01-01"]);
    await confirm(page, "Set up repeating send");
    await expect(page).toHaveURL(/\/campaigns#repeating$/);
    const card = page.getByTestId("repeating-send").filter({ hasText: "Friday happy hour" });
    await expect(card).toContainText("Every Mon, Fri at 16:30");
    await expect(card).toContainText(/Next: (Mon|Fri) \d+ \w+, 16:30/);
    await expect(card.getByRole("group", { name: "Dates to skip" }).getByTestId("date-list-value")).toHaveValue(
      "2026-12-25, 2027-01-01",
    );
    // Nothing goes out until it is due.
    expect(await handset("cpsms", "4520200061")).toEqual([]);

    await card.getByRole("button", { name: "Stop" }).click();
    await expect(card).toContainText("Stopped");
    await card.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(card).toHaveCount(0);
  });

  test("staff cannot set up repeating sends", async ({ pageAs }) => {
    const page = await pageAs("staff");
    await page.goto("/compose");
    await expect(page.getByRole("radio", { name: "Schedule" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Repeat weekly" })).toHaveCount(0);
    await page.close();
  });
});

test.describe("provider routing", () => {
  test("the owner's routing rules decide where 'Automatic' sends a number", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/settings/restaurant");
    const { groupId } = await seed.group("Compose routing", [{ phone: "+923001110091", firstName: "Bilal" }]);
    await page.goto(`/compose?group=${groupId}`);
    await expect(page.getByTestId("audience-summary")).toContainText("1 through smsapp.pk");

    await page.goto("/settings/restaurant");
    await page.getByRole("combobox", { name: "Provider for prefix 2" }).click();
    await page.getByRole("option", { name: "CPSMS.dk" }).click();
    await page.getByRole("button", { name: "Save routing" }).click();
    await expect(page.getByText("Routing saved.")).toBeVisible();
    try {
      await page.goto(`/compose?group=${groupId}`);
      await expect(page.getByTestId("audience-summary")).toContainText("1 through CPSMS.dk");

      await page.goto("/settings/restaurant");
      await page.getByLabel("Prefix 1", { exact: true }).fill("45");
      await page.getByRole("button", { name: "Save routing" }).click();
      await expect(page.getByText(/Write a prefix as \+ and up to 6 digits/)).toBeVisible();
    } finally {
      await seed.routes([
        { prefix: "+45", provider: "cpsms" },
        { prefix: "+92", provider: "smsapp" },
      ]);
    }
  });
});
