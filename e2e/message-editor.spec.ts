import type { Page } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { optOutLink, type SeededGuest, seed } from "./support/seed";

// The editor counts and previews the real audience: a group of three consenting guests, Ahmed (+92), Mette (+45)
// and a guest without a name, all sent through CPSMS (1 point per segment to +45, 1.6 abroad).
const message = (page: Page) => page.getByRole("textbox", { name: "Message" });
const counter = (page: Page) => page.getByTestId("message-counter");
let groupId = "";
let guests: SeededGuest[] = [];
/** "\nStop: <link>" as the footer adds it for the first guest previewed (Ahmed). */
const footerLength = () => "\nStop: ".length + optOutLink(guests[0]!.token).length;

test.use({ storageState: sessionFile("owner") });

test.describe("message editor", () => {
  test.beforeAll(async () => {
    ({ groupId, guests } = await seed.group("Editor samples", [
      { phone: "+923001234567", firstName: "Ahmed", lastName: "Raza Khan" },
      { phone: "+4520123456", firstName: "Mette", lastName: "Jensen" },
      { phone: "+4531234567" },
    ]));
  });

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/compose?group=${groupId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Compose" })).toBeVisible();
    await expect(page.getByTestId("audience-total")).toHaveText("3");
    await page.getByRole("combobox", { name: "Provider" }).selectOption({ label: "CPSMS.dk" });
  });

  test("typing shows characters, GSM-7 and segments; an emoji switches to UCS-2 and is listed", async ({ page }) => {
    await message(page).fill("Hello");
    // The opt-out footer is on for marketing: "\nStop: <the guest's link>".
    await expect(counter(page)).toContainText(`${5 + footerLength()} characters · GSM-7 · 1 segment`);
    await expect(page.getByTestId("audience-stats")).toHaveText(
      "Per recipient: 1 segment · 3 segments in total · est. 3.6 points",
    );

    await page.getByRole("switch", { name: "Opt-out footer" }).click();
    await expect(counter(page)).toContainText("5 characters · GSM-7 · 1 segment");
    await expect(page.getByText(/Marketing texts must offer an easy, free way to opt out/)).toBeVisible();

    await message(page).fill("a".repeat(161));
    await expect(counter(page)).toContainText("161 characters · GSM-7 · 2 segments");
    await expect(page.getByTestId("audience-stats")).toContainText("6 segments in total · est. 7.2 points");

    await message(page).fill("a".repeat(1531));
    await expect(counter(page)).toContainText("1,531 characters · GSM-7 · 11 segments");
    await expect(page.getByText(/Too long: providers accept at most 1,530 characters/)).toBeVisible();
    await expect(message(page)).toHaveAttribute("aria-invalid", "true");

    await message(page).fill("Party tonight 🎉");
    await expect(counter(page)).toContainText("UCS-2 · 1 segment");
    await expect(page.getByRole("heading", { name: "1 character forces UCS-2" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Characters without a GSM-safe replacement" })).toContainText("🎉");
    await expect(page.getByRole("button", { name: "Replace with GSM-safe characters" })).toHaveCount(0);
  });

  test("smart quotes are replaced with one click and the encoding returns to GSM-7", async ({ page }) => {
    await message(page).fill("Let’s meet “tonight” – 2 for 1…");
    await expect(counter(page)).toContainText("UCS-2");
    const chips = page.getByRole("list", { name: "Characters with a GSM-safe replacement" });
    await expect(chips.getByRole("listitem")).toHaveCount(5);
    await expect(chips).toContainText("U+2019");

    await page.getByRole("button", { name: "Replace with GSM-safe characters" }).click();
    await expect(message(page)).toHaveValue(`Let's meet "tonight" - 2 for 1...`);
    await expect(counter(page)).toContainText("GSM-7");
    await expect(page.getByRole("status")).toHaveText("Replaced 5 characters.");
    await expect(page.getByRole("heading", { name: /force UCS-2/ })).toHaveCount(0);
  });

  test("an unknown field shows the did-you-mean error and one click fixes it", async ({ page }) => {
    await message(page).fill("Hi {frist_name|there}!");
    await expect(page.getByText("Unknown merge field {frist_name}: did you mean {first_name}?")).toBeVisible();
    await expect(message(page)).toHaveAttribute("aria-invalid", "true");

    await page.getByRole("button", { name: "Use {first_name}" }).click();
    await expect(message(page)).toHaveValue("Hi {first_name|there}!");
    await expect(page.getByText(/Unknown merge field/)).toHaveCount(0);
    await expect(message(page)).toHaveAttribute("aria-invalid", "false");

    await message(page).fill("Hi {first_name}");
    await expect(page.getByText(/\{first_name\} has no fallback/)).toBeVisible();
  });

  test("Insert field puts {first_name|there} at the caret", async ({ page }) => {
    await message(page).fill("Hi , welcome!");
    await message(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await page.getByRole("button", { name: "Insert field" }).click();
    await page.getByRole("menuitem", { name: /^First name/ }).click();
    await expect(message(page)).toHaveValue("Hi {first_name|there}, welcome!");
    await expect(message(page)).toBeFocused();
    await page.keyboard.type(" :)");
    await expect(message(page)).toHaveValue("Hi {first_name|there} :), welcome!");
  });

  test("choosing a template fills the message, a Danish one switches the footer, and undo restores", async ({
    page,
  }) => {
    await message(page).fill("My own draft");
    await page.getByRole("button", { name: "Templates" }).click();
    await page.getByRole("menuitem", { name: /^Happy hour English/ }).click();
    await expect(message(page)).toHaveValue(/^Hi \{first_name\|there\}, happy hour today 16-18 at \{restaurant\}/);
    await expect(page.getByTestId("preview-text")).toContainText("Hi Ahmed, happy hour today 16-18 at");
    await expect(counter(page)).toContainText("GSM-7 · 1 segment");

    await page.getByRole("button", { name: "Templates" }).click();
    await page.getByRole("menuitem", { name: /^Fødselsdag Danish/ }).click();
    await expect(page.getByTestId("preview-text")).toContainText("Tillykke med fødselsdagen, Ahmed!");
    await expect(page.getByTestId("preview-text")).toContainText(`Afmeld: ${optOutLink(guests[0]!.token)}`);
    await expect(counter(page)).toContainText("GSM-7");

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(message(page)).toHaveValue(/^Hi \{first_name\|there\}, happy hour/);
  });

  test("the preview steps through the sample recipients showing each rendered text", async ({ page }) => {
    await message(page).fill("Hi {first_name|there}, welcome to {restaurant}");
    const text = page.getByTestId("preview-text");
    const who = page.getByTestId("preview-recipient");
    await expect(who).toHaveText("Ahmed Raza Khan");
    await expect(text).toContainText("Hi Ahmed, welcome to");
    await expect(text).toContainText(`Stop: ${optOutLink(guests[0]!.token)}`);
    await expect(page.getByRole("button", { name: "Previous recipient" })).toBeDisabled();

    await page.getByRole("button", { name: "Next recipient" }).click();
    await expect(who).toHaveText("Mette Jensen");
    await expect(text).toContainText("Hi Mette, welcome to");
    await expect(text).toContainText(`Stop: ${optOutLink(guests[1]!.token)}`);

    await page.getByRole("button", { name: "Next recipient" }).click();
    await expect(who).toHaveText("Guest without a name");
    await expect(text).toContainText("Hi there, welcome to");
    await expect(page.getByRole("button", { name: "Next recipient" })).toBeDisabled();
  });

  test("works at 390 px wide with no horizontal overflow", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await message(page).fill(
      `Hi {frist_name}, it’s “party” night 🎉 ${"and a long word ".repeat(12)}https://example.com/a/very/long/link/that/should/wrap/somewhere`,
    );
    await expect(page.getByText(/Unknown merge field \{frist_name\}/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Replace with GSM-safe characters" })).toBeVisible();
    await expect(page.getByTestId("preview-text")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Templates" }).click();
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    const box = await menu.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  });
});

test.describe("message editor without an audience", () => {
  test("counts the opt-out link at its real length (this server's address), not a short example", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/compose");
    await message(page).fill("Hello");
    // No guest chosen yet: the footer's link is as long as a real guest's (token of 10 characters).
    await expect(counter(page)).toContainText(`${5 + "\nStop: ".length + optOutLink("a1B2c3D4e5").length} characters`);
    await expect(page.getByText(optOutLink("a1B2c3D4e5"))).toBeVisible();
  });
});

test.describe("staff templates", () => {
  const name = `Quiz night ${Math.random().toString(36).slice(2, 7)}`;
  const body = "Quiz night at {restaurant} on Thursday at 19, {first_name|friend}!";
  test.afterAll(() => seed.deleteTemplate(name));
  // The author is the shared staff member; the colleague another staff member with a session of their own.
  test.use({ storageState: sessionFile("staff") });

  test("staff save the message as a template; everyone finds it under Your templates; only its author or a manager deletes it", async ({
    page,
    pageAs,
  }) => {
    const colleague = await seed.user("staff");
    const templates = (p: Page) => p.getByRole("button", { name: "Templates" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/compose");
    await message(page).fill(body);
    await page.getByRole("button", { name: "Save as template" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as template" });
    await dialog.getByLabel("Template name").fill("");
    await expect(dialog.getByRole("button", { name: "Save template" })).toBeDisabled();
    await dialog.getByLabel("Template name").fill(name);
    await dialog.getByRole("button", { name: "Save template" }).click();
    await expect(page.getByText(`Saved “${name}” under Your templates.`)).toBeVisible();
    await expect(dialog).toHaveCount(0);

    // Chosen from the menu, it fills the message.
    await message(page).fill("");
    await templates(page).click();
    await expect(page.getByRole("menu").getByText("Your templates")).toBeVisible();
    await page.getByRole("menuitem", { name: new RegExp(`^${name}`) }).click();
    await expect(message(page)).toHaveValue(body);

    // A second template of the same name is refused, in the dialog.
    await page.getByRole("button", { name: "Save as template" }).click();
    await dialog.getByLabel("Template name").fill(name);
    await dialog.getByRole("button", { name: "Save template" }).click();
    await expect(dialog.getByText(/already a template named/)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // A colleague sees it but can't delete it.
    const other = await pageAs(colleague);
    await other.goto("/compose");
    await templates(other).click();
    await expect(other.getByRole("menuitem", { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(other.getByRole("menuitem", { name: `Delete template ${name}` })).toHaveCount(0);
    await other.close();

    // The owner (a manager) can.
    const owner = await pageAs("owner");
    await owner.goto("/compose");
    await templates(owner).click();
    await owner.getByRole("menuitem", { name: `Delete template ${name}` }).click();
    await expect(owner.getByText(`Deleted the template “${name}”.`)).toBeVisible();
    await templates(owner).click();
    await expect(owner.getByRole("menuitem", { name: new RegExp(`^${name}`) })).toHaveCount(0);
    await owner.close();
  });
});
