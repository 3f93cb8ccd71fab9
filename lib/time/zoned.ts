import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** A moment as the restaurant reads it, e.g. "Fri 27 Nov, 16:00", in its own time zone (not the server's). */
export function formatInZone(date: Date, timeZone: string, pattern = "EEE d MMM, HH:mm"): string {
  return format(new TZDate(date.getTime(), timeZone), pattern);
}

/**
 * Reads "2026-11-27T16:00" (a datetime-local input) as wall-clock time in the restaurant's zone. DST-safe:
 * a time that doesn't exist (spring forward) or exists twice (fall back) is reported, never guessed silently.
 */
export function parseLocalDateTime(value: string, timeZone: string): { ok: true; date: Date } | { ok: false; reason: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return { ok: false, reason: "Enter a date and time, e.g. 2026-11-27 16:00." };
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new TZDate(y, mo - 1, d, h, mi, 0, 0, timeZone);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: "That date doesn't exist." };
  const back = new TZDate(date.getTime(), timeZone);
  if (back.getFullYear() !== y || back.getMonth() !== mo - 1 || back.getDate() !== d || back.getHours() !== h || back.getMinutes() !== mi) {
    return { ok: false, reason: `${value.replace("T", " ")} doesn't exist in ${timeZone} (the clocks skip it for daylight saving).` };
  }
  return { ok: true, date: new Date(date.getTime()) };
}
