import { test } from "@playwright/test";
import { signIn } from "./support/auth";
import { E2E } from "./support/config";
import { seedGroup } from "./support/guests";

// Not committed: screenshots of compose for review.
const LONG =
  "Hi {first_name|there}! “Autumn menu” is here – slow-roasted pumpkin, wild mushrooms… and our chef’s new dessert. Book a table this week and get a free glass of wine with every main course. We’re open Tuesday–Sunday from 17:00. See you soon at {restaurant}!";

for (const width of [390, 1024, 1280, 1920]) {
  test(`compose at ${width}`, async ({ page }) => {
    const { groupId } = await seedGroup("Shots mixed", [
      { phone: "+923001110501", firstName: "Ahmed" },
      { phone: "+923001110502", firstName: "Sana" },
      { phone: "+4520200501", firstName: "Ida" },
      { phone: "+4520200502", firstName: "Mette" },
    ]);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, E2E.owner.email, E2E.owner.password, `/compose?group=${groupId}`);
    await page.getByTestId("audience-total").waitFor();
    await page.getByRole("textbox", { name: "Message" }).fill(LONG);
    await page.getByTestId("provider-costs").waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/work/shots/compose/compose-${width}.png`, fullPage: true });
    const box = await page.getByRole("textbox", { name: "Message" }).boundingBox();
    console.log(`width ${width}: message box ${Math.round(box?.width ?? 0)} px`);
  });
}
