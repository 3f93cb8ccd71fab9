import type { Problem } from "@/lib/contacts/problem";
import { parseLocalDateTime } from "@/lib/time/zoned";

type Read<T> = { ok: true; value: T } | { ok: false; reason: Problem };

/**
 * A visit's time as exports write it: RFC 3339 with an offset ("2026-11-20T19:30:00+01:00", taken as written),
 * or a wall-clock time in the restaurant's zone: "2026-11-20 19:30", "20-11-2026 19:30", "20.11.2026 19.30",
 * "20/11/2026 19:30" (day first, as in Denmark and Pakistan). A date without a time is refused: a guess of the
 * hour would move after-visit texts.
 */
export function readVisitTime(raw: string, timeZone: string): Read<Date> {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const at = new Date(s);
    if (!Number.isNaN(at.getTime())) return { ok: true, value: at };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(s);
  let parts = m ? [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!] : null;
  if (!parts) {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(s);
    parts = m ? [m[3]!, m[2]!, m[1]!, m[4]!, m[5]!] : null;
  }
  if (!parts) {
    return /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(s)
      ? { ok: false, reason: { key: "Contacts.visitsImport.rows.noTime", values: { value: s } } }
      : { ok: false, reason: { key: "Contacts.visitsImport.rows.badTime", values: { value: s.slice(0, 40) } } };
  }
  const [y, mo, d, h, mi] = parts as [string, string, string, string, string];
  const local = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}T${h.padStart(2, "0")}:${mi}`;
  const parsed = parseLocalDateTime(local, timeZone);
  return parsed.ok ? { ok: true, value: parsed.date } : { ok: false, reason: parsed.reason };
}

/** Party size: a whole number from 1 to 500; empty is "not known". */
export function readPartySize(raw: string): Read<number | null> {
  const s = raw.trim();
  if (!s) return { ok: true, value: null };
  if (/^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 500) return { ok: true, value: Number(s) };
  return { ok: false, reason: { key: "Contacts.visitsImport.rows.badPartySize", values: { value: s.slice(0, 20) } } };
}

/**
 * Spend as a decimal string with a point ("1249.50"), Danish style ("1.249,50", "1249,50") or whole ("1249").
 * A single separator followed by exactly three digits ("1.250", "1,250") could be a thousand or a decimal: refused
 * with the reason rather than guessed. Returns the canonical "1249.50".
 */
export function readSpend(raw: string): Read<string | null> {
  const s = raw
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(/^(kr\.?|dkk|pkr|rs\.?)/i, "");
  if (!s) return { ok: true, value: null };
  const bad = {
    ok: false as const,
    reason: { key: "Contacts.visitsImport.rows.badSpend", values: { value: raw.trim().slice(0, 20) } },
  };
  if (/^\d+$/.test(s)) return { ok: true, value: s };
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const [whole = "", fraction = "", extra] = s.split(decimal);
    const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`);
    if (extra !== undefined || !grouped.test(whole) || !/^\d{1,3}$/.test(fraction)) return bad;
    return { ok: true, value: `${whole.replaceAll(thousands, "")}.${fraction}` };
  }
  const sep = dot >= 0 ? "." : ",";
  const pieces = s.split(sep);
  if (pieces.length !== 2 || !/^\d+$/.test(pieces[0]!) || !/^\d{1,3}$/.test(pieces[1]!)) return bad;
  if (pieces[1]!.length === 3)
    return {
      ok: false,
      reason: { key: "Contacts.visitsImport.rows.ambiguousSpend", values: { value: raw.trim().slice(0, 20) } },
    };
  return { ok: true, value: `${pieces[0]}.${pieces[1]}` };
}
