import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { englishWordsIn } from "./support/english-words";
import { lookup } from "./support/lookups";
import { offerPagePath } from "./support/offer-link";
import { seed } from "./support/seed";
import { discoverPages } from "./support/surface";

// Every page, discovered from the file system, walked once per staff language (the browser asks for it, the
// owner has no language of their own): signed in as the owner (who sees everything), plus the sign-in page and
// a guest's public opt-out page. On each page: `lang` and `dir` are right, axe-core (WCAG 2.0/2.1/2.2 A and AA
// plus best practices) finds no serious or critical violation, and in Danish no English is left in our own
// text (names and data aside, and text marked with a language of its own). A Pakistani guest's opt-out page is Urdu and right to left.

test.describe.configure({ mode: "serial", timeout: 240_000 });

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

type Finding = { page: string; problem: string };

async function audit(page: Page, label: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      page: label,
      problem: `${v.impact} ${v.id}: ${v.help} [${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}]`,
    }));
}

/** The page's own words: visible text, the names and hints only assistive technology reads, and the title. */
async function ownText(page: Page, data: string[]): Promise<string> {
  const text = await page.evaluate(() => {
    // Text marked as another language is meant to be in it: a guest-language field on Settings > Sign-up, a
    // table card printed in the restaurant's language. It is left out while the page's own text is read.
    const pageLanguage = document.documentElement.lang;
    const foreign = (el: Element) => {
      const lang = el.closest("[lang]")?.getAttribute("lang");
      return Boolean(lang) && lang!.split("-")[0] !== pageLanguage;
    };
    const marked = [...document.querySelectorAll<HTMLElement>("body [lang]")].filter(foreign);
    const display = marked.map((el) => el.style.display);
    for (const el of marked) el.style.display = "none";
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (hidden text isn't shown).
    const body = document.body.innerText;
    marked.forEach((el, i) => {
      el.style.display = display[i]!;
    });
    const attributes = [...document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")]
      .filter((el) => !foreign(el))
      .map((el) => ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? "").join(" "));
    return [document.title, body, ...attributes].join("\n");
  });
  // Data is not ours to translate: remove it, longest first so a name inside a text goes with the text.
  let rest = text;
  for (const value of data) rest = rest.split(value).join(" ");
  // E-mail addresses, and quoted words: what a provider said in its own words ("smsapp.pk said: "...""), a value.
  return rest.replace(/\S+@\S+/g, " ").replace(/"[^"\n]*"|“[^”\n]*”/g, " ");
}

async function walk(browser: Browser, locale: "en-GB" | "da-DK", params: Record<string, string>) {
  const lang = locale.slice(0, 2);
  // Time zones are identifiers ("America/New York" in the restaurant's zone picker), not words to translate.
  const zones = Intl.supportedValuesOf("timeZone").map((z) => z.replaceAll("_", " "));
  const data = [...(await lookup.dataStrings()), ...zones].sort((a, b) => b.length - a.length);
  const PUBLIC = new Set(["/sign-in", "/o/[token]", "/join", "/join/[source]", "/j/[token]", "/c/[token]"]);
  const pages = discoverPages();
  const findings: Finding[] = [];
  const checked: string[] = [];
  const check = async (page: Page, route: string) => {
    await page.waitForLoadState("networkidle");
    const html = page.locator("html");
    if ((await html.getAttribute("lang")) !== lang) findings.push({ page: route, problem: `lang is not "${lang}"` });
    if ((await html.getAttribute("dir")) !== "ltr") findings.push({ page: route, problem: `dir is not "ltr"` });
    findings.push(...(await audit(page, route)));
    if (lang === "da") {
      for (const word of englishWordsIn(await ownText(page, data))) findings.push({ page: route, problem: word });
    }
    checked.push(route);
  };

  // Public pages, signed out.
  const guestContext = await browser.newContext({ baseURL: E2E.baseURL, storageState: undefined, locale });
  const guest = await guestContext.newPage();
  for (const p of pages.filter((x) => PUBLIC.has(x.route))) {
    // A confirmation link opens in the language the guest signed up in (the seeded one's is English): here, the
    // walk's language is asked for, as the page's own switch would.
    const chosen = p.route === "/j/[token]" || p.route === "/c/[token]" ? `?lang=${lang}` : "";
    await guest.goto(p.route.replace(/\[[^\]]+\]/, () => params[p.route] ?? "") + chosen);
    await check(guest, p.route);
  }
  await guestContext.close();

  // Everything else as the owner.
  const ownerContext = await browser.newContext({ baseURL: E2E.baseURL, storageState: sessionFile("owner"), locale });
  const page = await ownerContext.newPage();
  for (const p of pages.filter((x) => !PUBLIC.has(x.route))) {
    const dynamic = /\[/.test(p.route);
    if (dynamic && !params[p.route])
      throw new Error(`no record for ${p.route}: add one to PARAMS in e2e/accessibility.spec.ts`);
    const url = dynamic ? p.route.replace(/\[[^\]]+\]/, params[p.route]!) : p.route;
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    await check(page, p.route);
  }
  await ownerContext.close();

  console.log(
    [
      "",
      `${locale}: ${checked.length} pages checked (${checked.join(", ")})`,
      ...(findings.length ? findings.map((f) => `  ✗ ${f.page}: ${f.problem}`) : ["  nothing found"]),
      "",
    ].join("\n"),
  );
  expect(findings.map((f) => `${f.page} ${f.problem}`)).toEqual([]);
}

let PARAMS: Record<string, string>;

test.beforeAll(async () => {
  const campaign = await seed.campaign({
    name: "Axe check",
    provider: "cpsms",
    body: "Hi",
    status: "completed",
    messages: [
      { phone: "+4520000031", status: "delivered" },
      { phone: "+4520000032", status: "undelivered" },
    ],
  });
  const { groupId, guests } = await seed.group("Axe regulars", [
    { phone: "+4520000033", firstName: "Axe", lastName: "Guest" },
    { phone: "+4520000034", firstName: "Åse", lastName: "Withdrawn", consent: "withdrawn" },
  ]);
  PARAMS = {
    "/contacts/[id]": guests[0]!.id,
    "/contacts/[id]/edit": guests[0]!.id,
    "/groups/[id]": groupId,
    "/automations/[kind]": "winback",
    "/campaigns/[id]": campaign.id,
    "/history/[id]": String(campaign.messageIds[0]),
    "/history/smsapp/[uid]": "no-such-uid",
    "/o/[token]": guests[0]!.token,
    "/join/[source]": (await seed.joinSource("axe-table-tent", "Axe table tent")).slug,
    "/j/[token]": "AxeConfirm1234",
    "/c/[token]": offerPagePath("AXE0C0DE").slice(3),
  };
  await seed.offerCode({ code: "AXE0C0DE", title: "Axe pizza", phone: "+4520000036", firstName: "Axe" });
  await seed.pendingSignup("+4520000035", "AxeConfirm1234");
});

test("every page in English: lang, dir and axe", async ({ browser }) => {
  await walk(browser, "en-GB", PARAMS);
});

test("every page in Danish: lang, dir, axe, and no English left", async ({ browser }) => {
  await walk(browser, "da-DK", PARAMS);
});

test("a Pakistani guest's opt-out page is Urdu, right to left, and axe-clean; the guest can switch", async ({
  browser,
}) => {
  const { guests } = await seed.group("Axe Lahore", [{ phone: "+923001112233", firstName: "Ayesha", language: "ur" }]);
  const context = await browser.newContext({ baseURL: E2E.baseURL, storageState: undefined, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`/o/${guests[0]!.token}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("مارکیٹنگ کے پیغامات");
  expect(await audit(page, "/o/[token] (ur)")).toEqual([]);

  // The guest's own choice wins over the contact's language, and stays after the button.
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByRole("link", { name: "Dansk" }).click();
  await page.getByRole("button", { name: "Ja, afmeld mig" }).click();
  await expect(page.getByTestId("opt-out-done")).toHaveText(/Du får ikke længere markedsføringsbeskeder fra .+\./);
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  expect(await lookup.consentState(guests[0]!.id)).toBe("withdrawn");
  await context.close();
});
