import type { Formats } from "next-intl";

/**
 * The shapes every date, time and number on screen takes, per locale (the locale picks the order and words):
 * en-GB "Thu 3 Dec, 12:00", da-DK "tors. 3. dec. 12.00". Always in the restaurant's time zone (i18n/request.ts).
 */
export const formats = {
  dateTime: {
    /** A moment: "Thu 3 Dec, 12:00" / "tors. 3. dec. 12.00". */
    moment: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
    /** To the second, where events seconds apart must be told apart (timelines, provider logs). */
    momentSeconds: {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    },
    /** A moment with its year, for times that may lie in another year: "Thu 3 Dec 2026, 12:00". */
    momentYear: {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    },
    /** A day: "Thu 3 Dec 2026" / "tors. 3. dec. 2026". */
    day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
    /** Day and month only: "3 Dec" / "3. dec.". */
    short: { day: "numeric", month: "short" },
    /** A time of day: "12:00" / "12.00". */
    time: { hour: "2-digit", minute: "2-digit" },
  },
  number: {
    /** Credit and cost: up to two decimals, "1,000.5" / "1.000,5". */
    amount: { maximumFractionDigits: 2 },
    /** A share: "42%" / "42 %". */
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;
