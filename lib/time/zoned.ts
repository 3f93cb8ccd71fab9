import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// One clock for the whole app: every moment on every page is shown in the restaurant's zone (Settings >
// Restaurant), never the server's or the browser's, in one of these shapes. Other patterns are for machines
// (file names, CSV cells, datetime-local inputs).

/** A moment: "Fri 27 Nov, 16:00". */
export const MOMENT_FORMAT = "EEE d MMM, HH:mm";
/** The same to the second, where events seconds apart must be told apart (timelines, provider logs). */
export const MOMENT_SECONDS_FORMAT = "EEE d MMM, HH:mm:ss";
/** A day without a time: "Fri 27 Nov 2026" (with the year: such days, like "added", reach back years). */
export const DAY_FORMAT = "EEE d MMM yyyy";

/** A moment as the restaurant reads it, e.g. "Fri 27 Nov, 16:00", in its own time zone (not the server's). */
export function formatInZone(date: Date, timeZone: string, pattern = MOMENT_FORMAT): string {
  return format(new TZDate(date.getTime(), timeZone), pattern);
}

/** The restaurant's calendar day of a moment, e.g. "Fri 27 Nov 2026". */
export function formatDateInZone(date: Date, timeZone: string): string {
  return formatInZone(date, timeZone, DAY_FORMAT);
}

/** A calendar day written yyyy-mm-dd (a date input's value) as the app shows days: "Fri 27 Nov 2026"; null if it isn't one. */
export function formatDay(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  // A day has no zone: read and write it in UTC so no offset can move it to the day before or after.
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (
    date.getUTCFullYear() !== Number(m[1]) ||
    date.getUTCMonth() !== Number(m[2]) - 1 ||
    date.getUTCDate() !== Number(m[3])
  )
    return null;
  return formatInZone(date, "UTC", DAY_FORMAT);
}

/**
 * A datetime-local value ("2026-11-27T16:00", wall-clock time in the restaurant's zone) spelled out the way the
 * app shows moments, "Fri 27 Nov 2026, 16:00": the input itself shows the browser's own order (often mm/dd, with
 * AM/PM), so the spelled-out line is what makes the chosen time unambiguous. Null when it isn't a time.
 */
export function formatLocalDateTime(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  const day = m ? formatDay(m[1]!) : null;
  if (!m || !day || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return `${day}, ${m[2]}:${m[3]}`;
}

/**
 * Reads "2026-11-27T16:00" (a datetime-local input) as wall-clock time in the restaurant's zone. DST-safe:
 * a time that doesn't exist (spring forward) or exists twice (fall back) is reported, never guessed silently.
 * The reason is a catalogue key with its values (`Errors.dateTime.*`), for an AppError.
 */
export function parseLocalDateTime(
  value: string,
  timeZone: string,
): { ok: true; date: Date } | { ok: false; reason: { key: string; values?: Record<string, string> } } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return { ok: false, reason: { key: "Errors.dateTime.format" } };
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d || h > 23 || mi > 59)
    return { ok: false, reason: { key: "Errors.dateTime.noSuchDate" } };
  const date = new TZDate(y, mo - 1, d, h, mi, 0, 0, timeZone);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: { key: "Errors.dateTime.noSuchDate" } };
  const back = new TZDate(date.getTime(), timeZone);
  if (
    back.getFullYear() !== y ||
    back.getMonth() !== mo - 1 ||
    back.getDate() !== d ||
    back.getHours() !== h ||
    back.getMinutes() !== mi
  ) {
    return {
      ok: false,
      reason: { key: "Errors.dateTime.skipped", values: { when: value.replace("T", " "), timeZone } },
    };
  }
  return { ok: true, date: new Date(date.getTime()) };
}
