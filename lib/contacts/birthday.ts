/**
 * A birthday (month and day, no year) as a date the formatter can word in the reader's language: noon UTC in a
 * leap year, so 29 February exists and the day is the same in every restaurant's time zone.
 */
export function birthdayDate(month: number, day: number): Date {
  return new Date(Date.UTC(2000, month - 1, day, 12));
}

/** The twelve months as dates (for a month picker worded by the formatter). */
export const MONTH_DATES: readonly Date[] = Array.from({ length: 12 }, (_, i) => birthdayDate(i + 1, 15));
