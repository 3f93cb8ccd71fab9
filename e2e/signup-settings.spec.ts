import fs from "node:fs/promises";
import { SIGNED_OUT, sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

// Settings > Sign-up on a phone: a source's link, QR code (PNG, SVG) and printable table card; the consent
// wording, welcome text and limits; the logo on Settings > Restaurant, served to anyone at /brand/logo.

test.use({ storageState: sessionFile("owner"), viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: "serial" });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A real 1×1 PNG. */
const LOGO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test.afterAll(async () => {
  await seed.defaultSignupSettings();
});

test("the owner adds a source and gets its link, QR code downloads and a table card that prints on A6", async ({
  page,
}) => {
  await page.goto("/settings/signup");
  // The plain /join link is always there.
  await expect(page.getByTestId("signup-link-plain")).toContainText("/join");

  const tag = Date.now().toString(36);
  const name = `Terrace ${tag}`;
  const slug = `terrace-${tag}`;
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const card = page.getByTestId(`signup-link-${slug}`);
  await expect(card).toContainText(name);
  await expect(card.getByRole("link", { name: new RegExp(`/join/${slug}$`) })).toBeVisible();
  await expect(card.getByRole("img", { name: `QR code for ${name}` })).toBeVisible();
  expect((await lookup.signupSource(slug))?.name).toBe(name);

  // The same name again gets a link of its own.
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId(`signup-link-${slug}-2`)).toBeVisible();

  // PNG: a real download with the link's name.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("link", { name: `Download the QR code for ${name} as PNG` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`join-${slug}.png`);
  const png = await fs.readFile(await download.path());
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  // SVG: the same, checked by its headers and text.
  const svgHref = await card
    .getByRole("link", { name: `Download the QR code for ${name} as SVG` })
    .getAttribute("href");
  const svg = await page.request.get(svgHref!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(svg.headers()["content-disposition"]).toBe(`attachment; filename="join-${slug}.svg"`);
  expect(await svg.text()).toMatch(/^<svg[^>]*>/);

  // The table card, outside the dashboard's shell: one A6 page when printed.
  await card.getByRole("link", { name: `Table card for ${name}` }).click();
  await expect(page).toHaveURL(`/settings/signup/card?source=${slug}`);
  const tableCard = page.getByTestId("table-card");
  await expect(tableCard).toContainText(`/join/${slug}`);
  await expect(tableCard).toContainText("Scan with your phone camera");
  await expect(tableCard.getByRole("img", { name: "QR code to the sign-up page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  const pdf = (await page.pdf({ width: "105mm", height: "148mm", printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Rename keeps the printed link; archiving takes it off the list, and its QR code still downloads.
  await page.getByRole("link", { name: "Back to sign-up settings" }).click();
  await card.getByRole("button", { name: `Rename ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Rename ${name}` });
  await dialog.getByRole("textbox", { name: "Name" }).fill(`Terrace tent ${tag}`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(card).toContainText(`Terrace tent ${tag}`);
  await expect(card).toContainText(`/join/${slug}`);
  await card.getByRole("button", { name: `Archive Terrace tent ${tag}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click();
  await expect(card).toHaveCount(0);
  expect((await lookup.signupSource(slug))?.archivedAt).toBeTruthy();
  expect((await page.request.get(`/settings/signup/qr/join-${slug}.png`)).status()).toBe(200);
});

test("the owner sets the consent wording and the limits, and the welcome text under Automations; all there after a reload", async ({
  page,
}) => {
  await page.goto("/settings/signup");
  const danish = page.getByRole("textbox", { name: "Danish", exact: true });
  // Empty means the standard sentence, which each box shows in its own language.
  await expect(danish).toHaveAttribute("placeholder", /sms/i);
  await expect(page.getByRole("textbox", { name: "Urdu", exact: true })).toHaveAttribute("dir", "rtl");
  await page.getByRole("textbox", { name: "English", exact: true }).fill("Yes, text me the specials. Stop any time.");

  await page.getByRole("spinbutton", { name: "Hours to confirm" }).fill("24");
  await page.getByRole("spinbutton", { name: "Confirmation texts per hour" }).fill("20");
  await page.getByRole("spinbutton", { name: "Per country code, per hour" }).fill("25");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("This can't be higher than the total per hour.")).toBeVisible();
  await page.getByRole("spinbutton", { name: "Per country code, per hour" }).fill("10");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Sign-up settings saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("textbox", { name: "English", exact: true })).toHaveValue(
    "Yes, text me the specials. Stop any time.",
  );
  await expect(danish).toHaveValue("");
  await expect(page.getByRole("spinbutton", { name: "Hours to confirm" })).toHaveValue("24");
  await expect(page.getByRole("spinbutton", { name: "Confirmation texts per hour" })).toHaveValue("20");
  await expect(page.getByRole("spinbutton", { name: "Per country code, per hour" })).toHaveValue("10");

  // One welcome, set in one place: the Welcome automation, for every new consent.
  await page.getByRole("link", { name: "Automations › Welcome" }).click();
  await expect(page.getByRole("heading", { name: "Welcome", level: 1 })).toBeVisible();
  const english = page.getByRole("group", { name: "English" });
  await english.getByRole("textbox", { name: "Message" }).fill("Welcome to the list!");
  await english.getByRole("textbox", { name: "Offer (optional)" }).fill("Show this text for a free coffee.");
  await expect(page.locator("#message-en-count")).toContainText("GSM-7");
  await expect(page.locator("#message-en-count")).toContainText("1 segment");
  const urdu = page.getByRole("group", { name: "Urdu" });
  await urdu.getByRole("textbox", { name: "Message" }).fill("خوش آمدید");
  await expect(page.locator("#message-ur-count")).toContainText("UCS-2");
  await page.getByRole("switch", { name: "On" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Automation saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "On" })).toBeChecked();
  await expect(english.getByRole("textbox", { name: "Message" })).toHaveValue("Welcome to the list!");
  await expect(english.getByRole("textbox", { name: "Offer (optional)" })).toHaveValue(
    "Show this text for a free coffee.",
  );
  await expect(urdu.getByRole("textbox", { name: "Message" })).toHaveValue("خوش آمدید");
  // Off again from the list: later specs' guests are not welcomed.
  await page.goto("/automations");
  await page.getByRole("switch", { name: "Welcome on" }).click();
  await expect(page.getByText("Welcome is off")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Welcome on" })).not.toBeChecked();
});

test("the owner uploads a logo, refused files change nothing, and /brand/logo serves it to anyone", async ({
  page,
  browser,
}) => {
  await page.goto("/settings/restaurant");
  const file = page.locator("#logo-file");
  // An SVG named .png: its bytes say what it is.
  await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg></svg>") });
  await expect(page.getByText("SVG files can't be used")).toBeVisible();
  await file.setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(600 * 1024, 1) });
  await expect(page.getByText("That file is 600 kB; a logo can be at most 512 kB.")).toBeVisible();
  await expect(page.getByText("No logo")).toBeVisible();

  await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: LOGO });
  await expect(page.getByText("Logo saved.")).toBeVisible();
  const preview = page.getByRole("img", { name: "The restaurant's logo" });
  await expect(preview).toBeVisible();
  const src = (await preview.getAttribute("src"))!;
  expect(src).toMatch(/^\/brand\/logo\?v=[0-9a-f]{64}$/);

  // Signed out: the versioned URL is kept for good, the bare one briefly, both with the row's type and an ETag.
  const guest = await browser.newContext({ storageState: SIGNED_OUT });
  const served = await guest.request.get(src, { maxRedirects: 0 });
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(Buffer.compare(await served.body(), LOGO)).toBe(0);
  const bare = await guest.request.get("/brand/logo", { maxRedirects: 0 });
  expect(bare.headers()["cache-control"]).toBe("public, max-age=60");
  const etag = bare.headers().etag!;
  expect(etag).toBe(`"${src.split("=")[1]}"`);
  expect((await guest.request.get("/brand/logo", { headers: { "if-none-match": etag } })).status()).toBe(304);

  // The table card shows it too.
  await page.goto("/settings/signup/card");
  await expect(page.getByTestId("table-card").locator("img")).toHaveAttribute("src", src);

  await page.goto("/settings/restaurant");
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("Logo removed.")).toBeVisible();
  await expect(page.getByText("No logo")).toBeVisible();
  expect((await guest.request.get("/brand/logo", { maxRedirects: 0 })).status()).toBe(404);
  await guest.close();
});

test("staff can't open Settings > Sign-up or download its QR codes", async ({ pageAs }) => {
  const staff = await pageAs("staff", { viewport: { width: 390, height: 844 } });
  const response = await staff.goto("/settings/signup");
  expect(response?.status()).toBe(403);
  expect((await staff.request.get("/settings/signup/qr/join.png")).status()).toBe(403);
  await staff.goto("/settings/account");
  await expect(staff.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Sign-up" })).toHaveCount(
    0,
  );
});
