import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { E2E } from "./support/config";
import { withE2eDb } from "./support/db";

// Not committed: screenshots of every table at 390/1280/1920 for the table-kit review, plus a paging walk.
const OUT = "/work/shots/tables";
const WIDTHS = [390, 1280, 1920];

test("table screenshots and keyset paging", async ({ page }) => {
  test.setTimeout(300_000);
  const campaignId = await withE2eDb(async (db) => {
    await db.query(`insert into contacts (phone, first_name, last_name, tags, consent_state, opt_out_token, birthday_month, birthday_day, created_at)
      select '+4527' || lpad(g::text, 6, '0'), (array['Anna','Mads','Sofie','Åse','Ayesha','Ali'])[1 + g % 6], 'Shot' || g,
        case g % 3 when 0 then array['vip'] when 1 then array['lunch','regular'] else '{}'::text[] end,
        (array['granted','none','withdrawn'])[1 + g % 3], 'shot-' || g, 1 + g % 12, 1 + g % 28, now() - g * interval '1 hour'
      from generate_series(1, 70) g on conflict do nothing`);
    const { rows } = await db.query(`insert into campaigns (name, provider, body, status, recipient_count, approved_at, started_at, finished_at, created_at)
      select 'Shot campaign ' || g, case when g % 2 = 0 then 'cpsms' else 'smsapp' end, 'Happy hour 16-18 today!', 'completed', 60, now(), now(), now(), now() - g * interval '1 day'
      from generate_series(1, 60) g returning id`);
    for (const r of rows.slice(0, 3)) {
      await db.query(
        `insert into campaign_messages (campaign_id, phone, body, segments, encoding, status, cost, sent_at, error_message)
         select $1, '+4527' || lpad(g::text, 6, '0'), 'Happy hour 16-18 today!', 1, 'GSM-7',
           case when g % 7 = 0 then 'undelivered' else 'delivered' end, 1, now() - g * interval '1 minute',
           case when g % 7 = 0 then 'The operator could not deliver it.' end
         from generate_series(1, 60) g`,
        [r.id],
      );
    }
    return rows[0].id as string;
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, E2E.owner.email, E2E.owner.password, "/contacts");

  // Keyset paging through the UI: next, next, previous; the count and the filters stay.
  await page.goto("/contacts?q=Shot&size=25");
  await expect(page.getByTestId("contacts-total")).toHaveText("70 guests");
  const firstRow = await page.getByRole("row").nth(1).innerText();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page).toHaveURL(/q=Shot/);
  await expect(page.getByRole("row").nth(1)).not.toHaveText(firstRow);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByRole("row").nth(1)).toHaveText(firstRow);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  // Sorting resets the position.
  await page.getByRole("button", { name: "Sort by name" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).not.toHaveURL(/after=|before=/);
  // Search by typing: debounced, URL follows.
  await page.getByLabel("Search by name or phone").fill("Shot7");
  await expect(page).toHaveURL(/q=Shot7/);
  await expect(page.getByTestId("contacts-total")).toHaveText("1 guest");

  const pages: [string, string][] = [
    ["contacts", "/contacts"],
    ["history", "/history"],
    ["campaigns", "/campaigns"],
    ["recipients", `/campaigns/${campaignId}`],
    ["users", "/settings/users"],
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    for (const [name, path] of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: width === 390 });
    }
  }
  // Campaigns: 60 + others, paged 50 by 50.
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/after=/);
  await page.screenshot({ path: `${OUT}/campaigns-page2-1280.png` });
});
