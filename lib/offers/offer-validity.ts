// Plain functions (no database): the compose form shows the same end of day the server stores.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";

/** The moment a calendar day (yyyy-mm-dd) starts where the restaurant is; null when it isn't a day. */
export function startOfDayInZone(day: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  // Midnight exists on every day in every zone the app supports except a few historic ones; startOfDay finds it.
  return new Date(startOfDay(new TZDate(y, mo - 1, d, 12, 0, 0, 0, timeZone)).getTime());
}

/**
 * The last moment of a calendar day where the restaurant is ("until Sunday" means the whole Sunday, in its
 * zone, whatever the guest's or server's zone). Null when it isn't a day.
 */
export function endOfDayInZone(day: string, timeZone: string): Date | null {
  const start = startOfDayInZone(day, timeZone);
  if (!start) return null;
  const next = startOfDay(addDays(new TZDate(start.getTime(), timeZone), 1));
  return new Date(next.getTime() - 1);
}

/**
 * An automation's code validity: from the moment it is texted to the end of the day `validDays` days later
 * (restaurant zone), so "valid 14 days" never ends mid-service.
 */
export function automationCodeValidity(sentAt: Date, validDays: number, timeZone: string) {
  const lastDay = addDays(new TZDate(sentAt.getTime(), timeZone), validDays);
  const end = startOfDay(addDays(lastDay, 1));
  return { validFrom: sentAt, validUntil: new Date(end.getTime() - 1) };
}

/** Where a moment lies against a code's window: what the Redeem page says. */
export function validityState(now: Date, validFrom: Date, validUntil: Date): "valid" | "not_yet" | "expired" {
  if (now.getTime() < validFrom.getTime()) return "not_yet";
  if (now.getTime() > validUntil.getTime()) return "expired";
  return "valid";
}
