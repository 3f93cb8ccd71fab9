import { randomUUID } from "node:crypto";
import { sessionFile } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

test.use({ storageState: sessionFile("manager"), viewport: { width: 390, height: 844 } });

test("a manager imports a visits file: each row's reason in the preview, the valid ones at once, a second import adds nothing", async ({
  page,
}) => {
  const phone = `+4528${String(Date.now()).slice(-6)}`;
  const { guests } = await seed.group(`Visits ${randomUUID().slice(0, 6)}`, [{ phone, firstName: "Vera" }]);
  const receipt = randomUUID().slice(0, 8);
  const file = {
    name: "visits.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "phone;visited_at;party_size;spend;external_id",
        `${phone};2026-11-20 19:30;4;1.249,50;${receipt}-1`,
        `+4529999999;2026-11-20 19:30;2;100;${receipt}-2`,
        `${phone};20-11-2026;2;;${receipt}-3`,
      ].join("\n"),
    ),
  };
  await page.goto("/contacts/import");
  await page.getByRole("link", { name: /Import visits/ }).click();
  await page.getByTestId("visits-file").setInputFiles(file);
  await expect(page.getByTestId("visits-counts")).toHaveText("3 rows: 1 visit to import, 2 rows rejected.");
  await expect(page.getByText("“20-11-2026” has no time of day.", { exact: false })).toBeVisible();
  expect(await lookup.visitsOf(guests[0]!.id)).toHaveLength(0); // the preview writes nothing
  await page.getByRole("button", { name: "Import 1 visit" }).click();
  await expect(page.getByTestId("visits-result")).toHaveText(
    "1 visit imported, 0 were already there, 2 rows rejected.",
  );
  const [visit] = await lookup.visitsOf(guests[0]!.id);
  expect(visit).toMatchObject({ partySize: 4, spendMinor: 124950, currency: "DKK", source: "csv" });
  expect(visit!.visitedAt.toISOString()).toBe("2026-11-20T18:30:00.000Z"); // 19:30 in Copenhagen

  await page.getByTestId("visits-file").setInputFiles(file);
  await page.getByRole("button", { name: "Import 1 visit" }).click();
  await expect(page.getByTestId("visits-result")).toHaveText(
    "0 visits imported, 1 was already there, 2 rows rejected.",
  );
  expect(await lookup.visitsOf(guests[0]!.id)).toHaveLength(1);
});
