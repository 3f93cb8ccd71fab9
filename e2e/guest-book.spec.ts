import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { SIGNED_OUT, sessionFile, sharedUser } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { type LedgerGuest, seed } from "./support/seed";

let counter = randomInt(0, 1_000_000);
/** A fresh Danish mobile number as E.164 (+45 26xxxxxx: every number in that block is a valid mobile). */
const newPhone = () => {
  counter = (counter + randomInt(1, 997)) % 1_000_000;
  return `+4526${String(counter).padStart(6, "0")}`;
};
/** "+4521234567" as staff type it: "21 23 45 67". */
const local = (e164: string) => e164.slice(3).replace(/(\d{2})(?=\d)/g, "$1 ");
const word = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

/** Guests straight into the e2e database (a fresh number each unless given); their ids and opt-out tokens. */
const seedContacts = (rows: (Omit<LedgerGuest, "phone"> & { phone?: string })[]) =>
  seed.guests(rows.map((r) => ({ ...r, phone: r.phone ?? newPhone() })));

async function toast(page: Page, text: string | RegExp) {
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: text }).first()).toBeVisible();
}

test.use({ storageState: sessionFile("owner") });

test.describe("guest book", () => {
  test("on a phone, staff add a guest with consent, see phone errors, edit, and cannot delete; a manager deletes", async ({
    pageAs,
  }) => {
    const page = await pageAs("staff", { viewport: { width: 390, height: 844 } });
    const staff = sharedUser("staff");
    await page.goto("/contacts");
    await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0); // staff: no import or export
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    // Usable at 390 px: nothing pushes the page sideways (the table scrolls inside its own box if it must).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("link", { name: "Add guest" }).click();

    const phone = page.getByLabel("Phone number");
    await phone.fill("123");
    await page.getByRole("button", { name: "Add guest" }).click();
    await expect(page.getByText(/"123" has the wrong number of digits/)).toBeVisible();
    await phone.fill("+45 90 12 34 56");
    await page.getByRole("button", { name: "Add guest" }).click();
    await expect(page.getByText(/premium rate number and cannot receive SMS/)).toBeVisible();

    const number = newPhone();
    const surname = word("Holm");
    await phone.fill(local(number));
    await page.getByLabel("First name").fill("Åse");
    await page.getByLabel("Last name").fill(surname);
    await page.getByLabel("Birthday month").selectOption({ label: "March" });
    await page.getByLabel("Birthday day").selectOption("21");
    await page.getByLabel("Tags").fill("VIP, lunch");
    await page.getByLabel("The guest agreed to receive marketing texts").check();
    await page.getByRole("button", { name: "Add guest" }).click();
    await expect(page.getByText("Say how the guest gave consent.")).toBeVisible();
    await page.getByLabel("How did they agree?").selectOption({ label: "In person" });
    await page.getByRole("button", { name: "Add guest" }).click();

    await expect(page.getByRole("heading", { name: `Åse ${surname}` })).toBeVisible();
    await expect(page.getByTestId("consent-state")).toContainText("Consented");
    const history = page.getByRole("list", { name: "Consent history" });
    await expect(history).toContainText("In person");
    await expect(history).toContainText("may send me offers and news by SMS");
    await expect(history).toContainText(staff.name);
    await expect(page.getByText("21 March")).toBeVisible();
    await expect(page.getByRole("button", { name: "Erase (GDPR)" })).toHaveCount(0);

    // The same number again is refused with who has it.
    await page.goto("/contacts/new");
    await page.getByLabel("Phone number").fill(`0045${number.slice(3)}`);
    await page.getByRole("button", { name: "Add guest" }).click();
    await expect(page.getByText(new RegExp(`already in the guest book \\(Åse ${surname}\\)`))).toBeVisible();

    // Edit.
    await page.goto(`/contacts?q=${surname}`);
    await page.getByLabel(`Select Åse ${surname}`).check();
    const bulk = page.getByRole("region", { name: "Bulk actions" });
    await expect(bulk.getByRole("button", { name: "Withdraw consent" })).toBeVisible(); // staff may withdraw
    await expect(bulk.getByRole("button", { name: "Delete" })).toHaveCount(0); // but not delete
    await page.getByRole("link", { name: `Åse ${surname}` }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("First name").fill("Åsa");
    await page.getByRole("button", { name: "Save guest" }).click();
    await expect(page.getByRole("heading", { name: `Åsa ${surname}` })).toBeVisible();
    const id = page.url().split("/").pop()!;

    // Staff cannot reach the manager-only pages and downloads.
    expect((await page.goto("/contacts/import"))?.status()).toBe(403);
    expect((await page.request.get("/contacts/export")).status()).toBe(403);
    expect((await page.request.get(`/contacts/${id}/gdpr-export`)).status()).toBe(403);
    expect((await page.request.post("/contacts/import/run", { data: "phone\n20123456\n" })).status()).toBe(403);

    // A manager deletes the guest.
    const managerPage = await pageAs("manager");
    await managerPage.goto(`/contacts/${id}`);
    await managerPage.getByRole("button", { name: "Delete guest" }).click();
    await managerPage.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(managerPage).toHaveURL(/\/contacts$/);
    expect(await lookup.contactCount({ id })).toBe(0);
    await managerPage.close();
  });

  test("groups: create, bulk add from the table (also all matching the filter), remove, link to CPSMS, drift and fix", async ({
    page,
  }) => {
    const tag = word("tag");
    const seeded = await seedContacts(
      Array.from({ length: 30 }, (_, i) => ({
        firstName: `Bulk${i}`,
        lastName: tag,
        tags: [tag],
        consent: i < 3 ? "granted" : "none",
      })),
    );
    await page.goto("/groups");
    const groupName = word("Regulars ");
    await page.getByRole("button", { name: "New group" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(groupName);
    await page.getByRole("dialog").getByRole("button", { name: "Create group" }).click();
    await expect(page.getByRole("link", { name: groupName, exact: true })).toBeVisible();

    // The three consented guests, ticked one by one.
    await page.goto(`/contacts?tag=${tag}&consent=granted`);
    await expect(page.getByTestId("contacts-total")).toHaveText("3 guests");
    await page.getByLabel("Select all on this page").check();
    const bulk = page.getByRole("region", { name: "Bulk actions" });
    await expect(bulk.getByTestId("selected-count")).toHaveText("3 guests selected");
    await bulk.getByLabel("Group").selectOption({ label: groupName });
    await bulk.getByRole("button", { name: "Add to group" }).click();
    await toast(page, `3 guests added to ${groupName}.`);

    // Link to CPSMS: the consented members are pushed.
    await page.goto("/groups");
    await page.getByRole("link", { name: groupName, exact: true }).click();
    await expect(page.getByTestId("group-counts")).toContainText("3 members, 3 with marketing consent");
    await page.getByRole("button", { name: "Link to CPSMS" }).click();
    await expect(page.getByTestId("drift-status")).toContainText("In sync");
    const groupUrl = page.url();

    // Everyone matching the tag filter, across pages (25 per page).
    await page.goto(`/contacts?tag=${tag}&size=25`);
    await expect(page.getByTestId("contacts-total")).toHaveText("30 guests");
    await page.getByLabel("Select all on this page").check();
    await page.getByRole("button", { name: "Select all 30 matching" }).click();
    await expect(bulk.getByTestId("selected-count")).toHaveText("30 guests selected");
    await bulk.getByLabel("Group").selectOption({ label: groupName });
    await bulk.getByRole("button", { name: "Add to group" }).click();
    await toast(page, `27 guests added to ${groupName}.`);

    // Remove one consented guest: CPSMS follows.
    await page.goto(`/contacts?tag=${tag}&consent=granted&sort=name.asc`);
    await page.getByLabel(`Select Bulk0 ${tag}`).check();
    await bulk.getByLabel("Group").selectOption({ label: groupName });
    await bulk.getByRole("button", { name: "Remove from group" }).click();
    await toast(page, `1 guest removed from ${groupName}.`);
    await page.goto(groupUrl);
    await expect(page.getByTestId("group-counts")).toContainText("29 members, 2 with marketing consent");
    await expect(page.getByTestId("drift-status")).toContainText("In sync");

    // Drift made behind the app's back (a member added straight in the database) is shown and fixed in one click.
    await seed.memberBehindTheAppsBack(groupName, seeded[0]!.id);
    await page.reload();
    await expect(page.getByTestId("drift-status")).toContainText("1 missing at CPSMS");
    await page.getByRole("button", { name: "Fix" }).click();
    await expect(page.getByTestId("drift-status")).toContainText("In sync");
  });

  test("a mixed CSV file: broken files refused, preview, consented import, rejected-rows report", async ({
    pageAs,
  }) => {
    const page = await pageAs("manager");
    const [existing] = await seedContacts([{ firstName: "Known" }]);
    await page.goto("/contacts/import");
    const fileInput = page.getByLabel("CSV file");

    await fileInput.setInputFiles({
      name: "guests.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
    });
    await expect(page.getByTestId("import-error")).toContainText("Excel workbook");
    await fileInput.setInputFiles({
      name: "latin1.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x0a, 0xe6, 0xf8, 0xe5]),
    });
    await expect(page.getByTestId("import-error")).toContainText("not valid UTF-8");

    const [a, b] = [newPhone(), newPhone()];
    const surname = word("Imp");
    const csv = [
      "Fornavn;Efternavn;Mobil;Tags",
      `Anna;${surname};${local(a)};vip`,
      `Bad;${surname};123;`,
      `Sci;${surname};4.52E+09;`,
      `Anna2;${surname};+${a.slice(1)};`,
      `Bo;${surname};0045${b.slice(3)};lunch`,
      `Known;${surname};${existing!.phone};`,
    ].join("\r\n");
    await fileInput.setInputFiles({
      name: "guests.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${csv}\r\n`, "utf8"),
    });
    await expect(page.getByTestId("import-summary")).toContainText(
      "6 rows: 3 ready, 2 invalid, 1 duplicate in the file. 1 number is already in the guest book.",
    );
    await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("2");
    await expect(page.getByRole("row", { name: /4\.52E\+09/ })).toContainText("scientific notation");
    await expect(page.getByRole("row").filter({ hasText: "wrong number of digits" })).toContainText("123");

    await page.getByLabel("These guests agreed to receive marketing texts").check();
    await page.getByLabel("Exact wording they agreed to").fill("");
    await page.getByRole("button", { name: "Import 3 guests" }).click();
    await expect(page.getByText("Enter the exact consent wording")).toBeVisible();
    await page.getByLabel("Exact wording they agreed to").fill("Ja tak til tilbud på SMS");
    await page.getByRole("button", { name: "Import 3 guests" }).click();

    const result = page.getByTestId("import-result");
    await expect(result).toContainText("2 new guests added");
    await expect(result).toContainText("1 already in the guest book, skipped");
    await expect(result).toContainText("3 rows rejected (2 invalid, 1 duplicate)");
    await expect(result).toContainText("2 marketing consents recorded");
    const downloadPromise = page.waitForEvent("download");
    await result.getByRole("button", { name: "Download rejected rows (CSV)" }).click();
    const download = await downloadPromise;
    const report = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        let text = "";
        stream.on("data", (d: Buffer) => (text += d.toString("utf8")));
        stream.on("end", () => resolve(text));
        stream.on("error", reject);
      }, reject);
    });
    expect(report).toContain("Row,Phone as written,Reason");
    expect(report).toMatch(/\r\n3,123,.*wrong number of digits/);
    expect(report).toMatch(/\r\n4,4\.52E\+09,.*scientific notation/);
    expect(report).toMatch(new RegExp(`\\r\\n5,\\+${a.slice(1)},"?Same number as row 2`));

    expect(await lookup.contactsNamed(surname)).toEqual(
      [
        { phone: a, firstName: "Anna", consentState: "granted", tags: ["vip"] },
        { phone: b, firstName: "Bo", consentState: "granted", tags: ["lunch"] },
      ].sort((x, y) => x.phone.localeCompare(y.phone)),
    );
    expect(await lookup.consentLedgerOfNamed(surname)).toEqual([
      { source: "import", wording: "Ja tak til tilbud på SMS" },
      { source: "import", wording: "Ja tak til tilbud på SMS" },
    ]);
  });

  test("a guest opts out through the public link: withdrawn, suppressed, out of the send list", async ({
    page,
    browser,
  }) => {
    const surname = word("Opt");
    const [guest] = await seedContacts([{ firstName: "Freja", lastName: surname, consent: "granted" }]);
    const guestPage = await browser.newPage({ viewport: { width: 390, height: 844 }, storageState: SIGNED_OUT });
    const unknown = await guestPage.goto("/o/doesnotexist1");
    expect(unknown?.status()).toBe(404);
    await expect(guestPage.getByText("We don't recognise this link")).toBeVisible();

    await guestPage.goto(`/o/${guest!.token}`);
    await expect(guestPage.getByRole("heading", { name: /Stop marketing texts from/ })).toBeVisible();
    // Opening the link alone changes nothing.
    expect(await lookup.consentState(guest!.id)).toBe("granted");
    await guestPage.getByRole("button", { name: "Yes, unsubscribe me" }).click();
    await expect(guestPage.getByTestId("opt-out-done")).toHaveText(/You will not receive marketing texts from .+\./);
    await guestPage.reload(); // idempotent
    await expect(guestPage.getByTestId("opt-out-done")).toBeVisible();
    await guestPage.close();

    expect(await lookup.consentState(guest!.id)).toBe("withdrawn");
    expect(await lookup.consentLedger(guest!.id)).toEqual([
      { state: "granted", source: "in_person", recordedById: null },
      { state: "withdrawn", source: "opt_out_link", recordedById: null },
    ]);
    expect(await lookup.suppressionSources(guest!.phone)).toEqual(["opt_out_link"]);
    expect(await lookup.marketingSendList(surname), "what a marketing send list is built from").toEqual([]);

    await page.goto(`/contacts/${guest!.id}`);
    await expect(page.getByTestId("consent-state")).toContainText("Withdrawn");
    await expect(page.getByTestId("consent-state")).toContainText("Suppressed");
    await expect(page.getByRole("list", { name: "Consent history" })).toContainText("by the guest");
  });

  test("GDPR: a manager exports everything about a guest and erases them; staff see neither", async ({ pageAs }) => {
    const surname = word("Gdpr");
    const [guest] = await seedContacts([{ firstName: "Ida", lastName: surname, consent: "granted" }]);
    const page = await pageAs("manager");
    await page.goto(`/contacts/${guest!.id}`);
    const exported = await page.request.get(`/contacts/${guest!.id}/gdpr-export`);
    expect(exported.status()).toBe(200);
    const data = await exported.json();
    expect(data.contact).toMatchObject({ phone: guest!.phone, lastName: surname });
    expect(data.consentLedger).toHaveLength(1);

    await page.getByRole("button", { name: "Erase (GDPR)" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Erase" }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    const after = {
      contacts: await lookup.contactCount({ id: guest!.id }),
      suppressed: (await lookup.suppressionSources(guest!.phone)).length,
      audit: await lookup.auditActions(guest!.id),
    };
    expect(after).toEqual({ contacts: 0, suppressed: 1, audit: ["contact.gdpr_export", "contact.gdpr_erase"] });

    const csv = await page.request.get("/contacts/export");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Phone,First name,Last name");
  });
});
