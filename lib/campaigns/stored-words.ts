// Client-safe: pure functions only. Pages and client components both read stored sentences through it.
import type { useFormatter } from "next-intl";
import { formats } from "@/i18n/formats";

/**
 * Sentences the engine stores in English (pause reasons, why a message wasn't sent, why a withdrawal stopped it,
 * a repeating send's last run) are kept as stored; shown, our own fixed sentences are read back into a catalogue
 * key under `Campaigns.stored` with their values, so they read in the reader's language. Anything else (a
 * provider's own words) passes through as it is.
 */
export type StoredWords = { key: string; values: Record<string, string | number | StoredWords> };

/** The words `withdrawalReason` (lib/campaigns/stop-withdrawn.ts) stores, by where the withdrawal came from. */
const WITHDRAWALS: Record<string, string> = {
  optOutLink: "The guest opted out by their link",
  gdprErasure: "The guest's data was erased",
  import: "Marked as opted out by an import",
  contactDeleted: "The guest was deleted from the guest book",
  staff: "Staff withdrew the guest's consent",
  consentWithdrawn: "Consent withdrawn",
};

const lowerFirst = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const withdrawal = (s: string) => Object.entries(WITHDRAWALS).find(([, words]) => words === s)?.[0];
const withdrawalLower = (s: string) => Object.entries(WITHDRAWALS).find(([, words]) => lowerFirst(words) === s)?.[0];

const FIXED: Record<string, string> = {
  "Paused by staff.": "pausedByStaff",
  "Moving to a new time…": "moving",
  "Not sent: the campaign was cancelled.": "cancelled",
  "Not sent: the number is on the suppression list (the guest opted out or was erased).": "suppressed",
  "Not sent: too late": "tooLate",
};

/** A stored sentence as a `Campaigns.stored` key with its values, or null when it isn't one of ours. */
export function storedWords(text: string): StoredWords | null {
  const fixed = FIXED[text];
  if (fixed) return { key: fixed, values: {} };
  const source = withdrawal(text);
  if (source) return { key: "withdrawal", values: { source } };
  let m = /^Not sent: (.+)\. Deleted at (.+) before it went out\.$/.exec(text);
  if (m && withdrawalLower(m[1]!))
    return { key: "notSentDeleted", values: { source: withdrawalLower(m[1]!)!, provider: m[2]! } };
  m = /^Not sent: (.+)\.$/.exec(text);
  if (m && withdrawalLower(m[1]!)) return { key: "notSent", values: { source: withdrawalLower(m[1]!)! } };
  m = /^(.+): deleted at (.+)\.$/.exec(text);
  if (m && withdrawal(m[1]!)) return { key: "deletedAt", values: { source: withdrawal(m[1]!)!, provider: m[2]! } };
  m = /^(.+) deletes whole requests: handed to (.+) again for the same time, without the guest who opted out\.$/.exec(
    text,
  );
  if (m && m[1] === m[2]) return { key: "requeuedHeld", values: { provider: m[1]! } };
  m =
    /^Not sent: the guest already had (?:a promotion|(\d+) promotions) (?:today|within the last (\d+) days) \(frequency cap\)\.$/.exec(
      text,
    );
  if (m) return { key: "frequencyCap", values: { messages: Number(m[1] ?? 1), days: Number(m[2] ?? 1) } };
  m = /^Not sent: it was (\d+) minutes late, past the (\d+)-minute limit\.$/.exec(text);
  if (m) return { key: "pausedLate", values: { minutes: m[1]!, limit: m[2]! } };
  m = /^Provider answer unclear \((.*)\); checking before any resend\.$/s.exec(text);
  if (m)
    return { key: "answerUnclear", values: { answer: m[1] === "no answer" ? { key: "noAnswer", values: {} } : m[1]! } };
  m = /^Stopped on (.+?): the manager who set it up can no longer send\. Set it up again\.$/.exec(text);
  if (m) return { key: "stoppedCreator", values: { when: m[1]! } };
  m = /^Not sent on (.+?): more than (\d+) minutes late \(the app was not running\)\.$/.exec(text);
  if (m) return { key: "notSentLate", values: { when: m[1]!, limit: m[2]! } };
  m = /^Sent on (.+?) to ([\d,]+) guests?\.$/.exec(text);
  if (m) return { key: "sentTo", values: { when: m[1]!, count: Number(m[2]!.replace(/,/g, "")) } };
  m = /^Not sent on ([A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}): (.+)$/s.exec(text);
  if (m) return { key: "notSentOn", values: { when: m[1]!, reason: m[2]! } };
  return null;
}

type Formatter = ReturnType<typeof useFormatter>;
/** A translator with no namespace (`useTranslations()` / `await getTranslations()`). */
type AnyTranslator = (...args: never[]) => unknown;

/**
 * A stored sentence in the reader's language: ours through the catalogue (`Campaigns.stored.*`), a stored
 * wall-clock moment ("Fri 27 Nov, 16:30", in the restaurant's zone) in the reader's own shape; anything else as
 * stored. `t`: a translator without a namespace.
 */
export function storedText(t: AnyTranslator, format: Formatter, text: string): string {
  const words = storedWords(text);
  return words ? wordsText(t, format, words) : text;
}

function wordsText(t: AnyTranslator, format: Formatter, words: StoredWords): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.values)) {
    values[name] =
      typeof value === "object"
        ? wordsText(t, format, value)
        : name === "when" && typeof value === "string"
          ? wallClockText(format, value)
          : value;
  }
  return (t as unknown as (key: string, values: Record<string, string | number>) => string)(
    `Campaigns.stored.${words.key}`,
    values,
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * "Fri 27 Nov, 16:30" (date-fns "EEE d MMM, HH:mm", stored without a year) in the reader's shape: the year is the
 * latest one up to next year whose date falls on that weekday. As stored when it can't be read.
 */
function wallClockText(format: Formatter, text: string): string {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) ([A-Z][a-z]{2}), (\d{2}):(\d{2})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[3]!) : -1;
  if (!m || month < 0) return text;
  const thisYear = new Date().getUTCFullYear();
  for (let year = thisYear + 1; year >= thisYear - 6; year--) {
    const date = new Date(Date.UTC(year, month, Number(m[2]), Number(m[4]), Number(m[5])));
    if (date.getUTCMonth() === month && WEEKDAYS[date.getUTCDay()] === m[1])
      return format.dateTime(date, { ...formats.dateTime.moment, timeZone: "UTC" });
  }
  return text;
}
