import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export type WeeklyRule = { weekdays: readonly number[]; localTime: string; skipDates?: readonly string[] };

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * The first moment strictly after `after` that matches the rule, in the restaurant's zone: wall-clock time, so
 * "Friday 16:00" stays 16:00 across daylight-saving changes. A time the clocks skip (02:30 on the spring-forward
 * night) moves to the next valid moment, as the zone library resolves it. Skip dates are not applied here.
 */
export function nextOccurrence(rule: WeeklyRule, after: Date, timeZone: string): Date | null {
  if (rule.weekdays.length === 0) return null;
  const [h, m] = rule.localTime.split(":").map(Number) as [number, number];
  const start = new TZDate(after.getTime(), timeZone);
  for (let day = 0; day <= 8; day++) {
    const candidate = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + day, h, m, 0, 0, timeZone);
    if (rule.weekdays.includes(candidate.getDay()) && candidate.getTime() > after.getTime())
      return new Date(candidate.getTime());
  }
  return null;
}

/** The local date ("YYYY-MM-DD") of a moment in the zone: an occurrence's identity and what skip dates name. */
export function localDate(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd");
}

/** "Every Mon, Fri at 16:00" for lists. */
export function describeRule(rule: WeeklyRule): string {
  const days = [...rule.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => WEEKDAY_NAMES[d]);
  return `Every ${rule.weekdays.length === 7 ? "day" : days.join(", ")} at ${rule.localTime}`;
}

/** The next occurrence after `after` that is not a skip date (looks a year ahead at most). */
export function nextRun(rule: WeeklyRule, after: Date, timeZone: string): Date | null {
  let at: Date | null = after;
  for (let i = 0; i < 370 && at; i++) {
    at = nextOccurrence(rule, at, timeZone);
    if (at && !rule.skipDates?.includes(localDate(at, timeZone))) return at;
  }
  return null;
}
