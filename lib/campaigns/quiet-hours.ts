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
  const opens = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    Math.floor(end / 60),
    end % 60,
    0,
    0,
    timeZone,
  );
  // Quiet hours that wrap midnight and began this evening open tomorrow morning.
  if (opens.getTime() <= at.getTime()) opens.setDate(opens.getDate() + 1);
  return new Date(opens.getTime());
}

export type QuietHours = { start: string; end: string };
export type ZonesCheck = { ok: true } | { ok: false; opens: Date | null; quietIn: string[] };

/** Past a week of stepping, no moment of the day suits every zone (DST shifts windows by an hour at most). */
const SEARCH_LIMIT_MS = 8 * 24 * 3600_000;

/**
 * Quiet hours for a send whose guests live in several zones: allowed when `at` is outside quiet hours in every
 * zone; otherwise the first moment that is (`opens`), or null when their days never overlap (Copenhagen and
 * Honolulu). `quietIn` lists the zones that hold it at `at`.
 */
export function earliestAllowedInZones(at: Date, zones: readonly string[], hours: QuietHours): ZonesCheck {
  const quietAt = (t: Date) =>
    zones.map((z) => [z, quietHoursConflict(t, z, hours.start, hours.end)] as const).filter(([, opens]) => opens);
  const first = quietAt(at);
  if (first.length === 0) return { ok: true };
  const quietIn = first.map(([z]) => z);
  let t = at;
  let holding = first;
  // Each step jumps to the latest opening among the zones still quiet, so it only moves forward.
  while (holding.length > 0) {
    t = new Date(Math.max(...holding.map(([, opens]) => opens!.getTime())));
    if (t.getTime() - at.getTime() > SEARCH_LIMIT_MS) return { ok: false, opens: null, quietIn };
    holding = quietAt(t);
  }
  return { ok: false, opens: t, quietIn };
}
