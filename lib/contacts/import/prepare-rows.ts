import { normalizeTags } from "@/lib/validation/contacts";
import { normalizePhone } from "../phone";
import type { Problem } from "../problem";
import type { ColumnMapping } from "./column-mapping";

export type PreparedContact = {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  phone: string;
  firstName: string;
  lastName: string;
  birthdayMonth: number | null;
  birthdayDay: number | null;
  language: string | null;
  tags: string[];
  notes: string;
  warning: Problem | null;
};

export type RejectedRow = { row: number; value: string; reason: Problem };

export type PreparedImport = {
  contacts: PreparedContact[];
  rejected: RejectedRow[];
  /** How many of the rejected rows repeat a number seen earlier in the file. */
  duplicates: number;
  invalid: number;
};

/** "4.52E+09", "4,52E+09": what Excel writes after turning a phone number into a rounded float. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthDay = (month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]! ? { month, day } : null;

/**
 * Reads a birthday as spreadsheets in Denmark and Pakistan write it. ISO (1990-03-21, --03-21, 03-21) is
 * month first; dotted and slashed dates (21.03.1990, 21/03, 21-03-1990) are day first, as in Europe and PK.
 */
export function parseBirthday(raw: string): { month: number; day: number } | null {
  const s = raw.trim();
  let m = /^(?:\d{4}|-)-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return monthDay(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return monthDay(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$/.exec(s);
  if (m) return monthDay(Number(m[2]), Number(m[1]));
  return null;
}

function splitName(full: string): { first: string; last: string } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return { first: parts[0] ?? "", last: "" };
  return { first: parts.slice(0, -1).join(" "), last: parts.at(-1)! };
}

const cell = (row: string[], index: number | null, max: number) =>
  index === null ? "" : (row[index] ?? "").trim().slice(0, max);

/**
 * Turns parsed CSV rows into contacts, a slice at a time (so the import can normalise the next chunk while the
 * database writes the previous one): the phone cell is normalised to E.164 with the default country (rows with
 * no, invalid or Excel-mangled numbers are rejected with the reason), and a number that appears again later in
 * the file is rejected as a duplicate of its first row. Slices must be given in file order.
 */
export function createRowPreparer(mapping: ColumnMapping, defaultCountry: string) {
  if (mapping.phone === null) throw new Error("prepareImportRows needs a phone column");
  const phoneColumn = mapping.phone;
  const firstRowOf = new Map<string, number>();
  const totals = { duplicates: 0, invalid: 0 };

  function prepare(rows: string[][], offset: number): { contacts: PreparedContact[]; rejected: RejectedRow[] } {
    const contacts: PreparedContact[] = [];
    const rejected: RejectedRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = offset + i + 2;
      const value = (row[phoneColumn] ?? "").trim();
      if (!value) {
        rejected.push({ row: rowNumber, value, reason: { key: "Contacts.import.rows.noPhone" } });
        totals.invalid++;
        continue;
      }
      if (SCIENTIFIC.test(value)) {
        rejected.push({
          row: rowNumber,
          value,
          reason: { key: "Contacts.import.rows.scientific" },
        });
        totals.invalid++;
        continue;
      }
      const phone = normalizePhone(value, defaultCountry);
      if (!phone.ok) {
        rejected.push({ row: rowNumber, value, reason: phone.problem });
        totals.invalid++;
        continue;
      }
      const first = firstRowOf.get(phone.e164);
      if (first !== undefined) {
        rejected.push({
          row: rowNumber,
          value,
          reason: { key: "Contacts.import.rows.duplicate", values: { row: first, phone: phone.e164 } },
        });
        totals.duplicates++;
        continue;
      }
      firstRowOf.set(phone.e164, rowNumber);
      let firstName = cell(row, mapping.firstName, 80);
      let lastName = cell(row, mapping.lastName, 80);
      if (!firstName && !lastName && mapping.fullName !== null) {
        const split = splitName(cell(row, mapping.fullName, 160));
        firstName = split.first.slice(0, 80);
        lastName = split.last.slice(0, 80);
      }
      const birthdayText = cell(row, mapping.birthday, 40);
      const birthday = birthdayText ? parseBirthday(birthdayText) : null;
      const language = cell(row, mapping.language, 10).toLowerCase();
      contacts.push({
        row: rowNumber,
        phone: phone.e164,
        firstName,
        lastName,
        birthdayMonth: birthday?.month ?? null,
        birthdayDay: birthday?.day ?? null,
        language: /^[a-z]{2,3}(-[a-z]{2})?$/.test(language) ? language : null,
        tags: mapping.tags === null ? [] : normalizeTags(cell(row, mapping.tags, 400)),
        notes: cell(row, mapping.notes, 2000),
        warning:
          birthdayText && !birthday
            ? { key: "Contacts.import.rows.birthdayUnreadable", values: { birthday: birthdayText } }
            : null,
      });
    }
    return { contacts, rejected };
  }

  return { prepare, totals };
}

/** The whole file at once (the preview, and tests). */
export function prepareImportRows(rows: string[][], mapping: ColumnMapping, defaultCountry: string): PreparedImport {
  const preparer = createRowPreparer(mapping, defaultCountry);
  const { contacts, rejected } = preparer.prepare(rows, 0);
  return { contacts, rejected, ...preparer.totals };
}
