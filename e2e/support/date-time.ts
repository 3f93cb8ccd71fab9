import type { Locator, Page } from "@playwright/test";

/**
 * Sets the date-and-time field (components/date-time/date-time-field.tsx) named `name` to `value`,
 * "YYYY-MM-DDTHH:MM" in the restaurant's wall-clock time, as a person would: open the calendar, go to the month,
 * click the day, type the time. Works in either language (it finds the parts by role and data attributes).
 */
export async function fillDateTime(page: Page, name: string | RegExp, value: string, scope: Page | Locator = page) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value))
    throw new Error(`fillDateTime: "${value}" is not YYYY-MM-DDTHH:MM`);
  const [day, time] = value.split("T") as [string, string];
  const group = scope.getByRole("group", { name });
  await group.getByTestId("date-time-date").click();
  await clickDay(page, day);
  await group.locator("input[type=text]").fill(time);
}

/** Picks "YYYY-MM-DD" in a date field (DateField): `button` is its calendar button. */
export async function fillDate(page: Page, button: Locator, day: string) {
  await button.click();
  await clickDay(page, day);
}

/**
 * Adds the days ("YYYY-MM-DD") to the list of dates (DateListField) named `name`: open its calendar, click each
 * day, close the calendar.
 */
export async function addDates(page: Page, name: string | RegExp, days: string[], scope: Page | Locator = page) {
  const group = scope.getByRole("group", { name });
  await group.getByTestId("date-time-date").click();
  for (const day of days) await clickDay(page, day);
  await page.keyboard.press("Escape");
}

/** In the open calendar, go to the day's month and click the day. */
async function clickDay(page: Page, day: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`"${day}" is not YYYY-MM-DD`);
  const month = day.slice(0, 7);
  const calendar = page.getByTestId("date-time-calendar");
  const target = calendar.locator(`[data-day="${day}"]:not([data-outside]) button`);
  for (let step = 0; step < 36 && !(await target.isVisible()); step++) {
    const shown = (await calendar.locator("[data-day]:not([data-outside])").first().getAttribute("data-day")) ?? "";
    await calendar.locator(shown.slice(0, 7) < month ? ".rdp-button_next" : ".rdp-button_previous").click();
  }
  await target.click();
}
