import { TZDate } from "@date-fns/tz";

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Promotions are sent only outside quiet hours (default 20:00–09:00 in the restaurant's zone): nobody wants a
 * happy-hour text at 23:30. Returns null when `at` is allowed, else the first allowed moment after it.
 * Works on wall-clock time in the zone, so it stays right across daylight-saving changes.
 */
export function quietHoursConflict(at: Date, timeZone: string, quietStart: string, quietEnd: string): Date | null {
  const local = new TZDate(at.getTime(), timeZone);
  const now = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start === end) return null; // no quiet hours
  const quiet = start > end ? now >= start || now < end : now >= start && now < end;
  if (!quiet) return null;
  const opens = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), Math.floor(end / 60), end % 60, 0, 0, timeZone);
  // Quiet hours that wrap midnight and began this evening open tomorrow morning.
  if (opens.getTime() <= at.getTime()) opens.setDate(opens.getDate() + 1);
  return new Date(opens.getTime());
}
