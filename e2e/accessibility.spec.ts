import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { sessionFile } from "./support/auth";
import { E2E } from "./support/config";
import { seed } from "./support/seed";
import { discoverPages } from "./support/surface";

// axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) on every page, discovered from the file system:
// signed in as the owner (who sees everything), plus the sign-in page and a guest's public opt-out page.
// No serious or critical violation may remain.

test.describe.configure({ mode: "serial", timeout: 180_000 });

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

type Finding = { page: string; id: string; impact: string; help: string; nodes: string[] };

async function audit(page: Page, label: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      page: label,
      id: v.id,
      impact: v.impact!,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}

test.use({ storageState: sessionFile("owner") });

test("no serious or critical axe violations on any page", async ({ page, browser }) => {
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
  const PARAMS: Record<string, string> = {
    "/contacts/[id]": guests[0]!.id,
    "/contacts/[id]/edit": guests[0]!.id,
    "/groups/[id]": groupId,
    "/campaigns/[id]": campaign.id,
    "/history/[id]": String(campaign.messageIds[0]),
    "/history/smsapp/[uid]": "no-such-uid",
    "/o/[token]": guests[0]!.token,
  };
  const PUBLIC = new Set(["/sign-in", "/o/[token]"]);
  const pages = discoverPages();
  const findings: Finding[] = [];
  const checked: string[] = [];

  // Public pages, signed out.
  const guestContext = await browser.newContext({ baseURL: E2E.baseURL, storageState: undefined });
  const guest = await guestContext.newPage();
  for (const p of pages.filter((x) => PUBLIC.has(x.route))) {
    const url = p.route.replace(/\[[^\]]+\]/, () => PARAMS[p.route] ?? "");
    await guest.goto(url);
    await guest.waitForLoadState("networkidle");
    findings.push(...(await audit(guest, p.route)));
    checked.push(p.route);
  }
  await guestContext.close();

  // Everything else as the owner.
  for (const p of pages.filter((x) => !PUBLIC.has(x.route))) {
    const dynamic = /\[/.test(p.route);
    if (dynamic && !PARAMS[p.route])
      throw new Error(`no record for ${p.route}: add one to PARAMS in e2e/accessibility.spec.ts`);
    const url = dynamic ? p.route.replace(/\[[^\]]+\]/, PARAMS[p.route]!) : p.route;
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    findings.push(...(await audit(page, p.route)));
    checked.push(p.route);
  }

  console.log(
    [
      "",
      `axe: ${checked.length} pages checked (${checked.join(", ")})`,
      ...(findings.length
        ? findings.map((f) => `  ✗ ${f.page}: ${f.impact} ${f.id}: ${f.help} [${f.nodes.join(" | ")}]`)
        : ["  no serious or critical violations"]),
      "",
    ].join("\n"),
  );
  expect(findings.map((f) => `${f.page} ${f.id}`)).toEqual([]);
});
