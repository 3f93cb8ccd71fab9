import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { E2E } from "./support/config";
import { withE2eDb } from "./support/db";
import { seedGroup } from "./support/guests";
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

async function seedRecords() {
  return withE2eDb(async (db) => {
    const c = await db.query(
      `insert into campaigns (name, provider, body, status, recipient_count, approved_at) values ('Axe check', 'cpsms', 'Hi', 'completed', 2, now()) returning id`,
    );
    const m = await db.query(
      `insert into campaign_messages (campaign_id, phone, body, segments, encoding, status) values
       ($1, '+4520000031', 'Hi', 1, 'GSM-7', 'delivered'), ($1, '+4520000032', 'Hi', 1, 'GSM-7', 'undelivered') returning id`,
      [c.rows[0].id],
    );
    return { campaignId: c.rows[0].id as string, messageId: String(m.rows[0].id) };
  });
}

test("no serious or critical axe violations on any page", async ({ page, browser }) => {
  const seeded = await seedRecords();
  const { groupId, guests } = await seedGroup("Axe regulars", [
    { phone: "+4520000033", firstName: "Axe", lastName: "Guest" },
    { phone: "+4520000034", firstName: "Åse", lastName: "Withdrawn", consent: "withdrawn" },
  ]);
  const PARAMS: Record<string, string> = {
    "/contacts/[id]": guests[0]!.id,
    "/contacts/[id]/edit": guests[0]!.id,
    "/groups/[id]": groupId,
    "/campaigns/[id]": seeded.campaignId,
    "/history/[id]": seeded.messageId,
    "/history/smsapp/[uid]": "no-such-uid",
    "/o/[token]": guests[0]!.token,
  };
  const PUBLIC = new Set(["/sign-in", "/o/[token]"]);
  const pages = discoverPages();
  const findings: Finding[] = [];
  const checked: string[] = [];

  // Public pages, signed out.
  const guestContext = await browser.newContext({ baseURL: E2E.baseURL });
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
  await signIn(page, E2E.owner.email, E2E.owner.password);
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
