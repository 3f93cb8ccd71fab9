import { normalizePhone } from "@/lib/contacts/phone";
import type { Problem } from "@/lib/contacts/problem";
import { currencyDigits, currencyOfCountry, toMinorUnits } from "@/lib/format/currency";
import { readPartySize, readSpend, readVisitTime } from "./visit-cells";
import type { VisitColumns } from "./visit-columns";

export type PreparedVisit = {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  phone: string;
  visitedAt: Date;
  partySize: number | null;
  spendMinor: number | null;
  currency: string | null;
  externalId: string | null;
};

export type RejectedVisitRow = { row: number; value: string; reason: Problem };

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/**
 * Checks every row of a visits file: the guest's number (normalised with the default country), the time (in the
 * restaurant's zone unless it carries an offset), party size, spend with its currency, and the external id (a
 * second row with the same id is rejected as a duplicate of the first). Each rejected row has its reason.
 */
export function prepareVisitRows(
  rows: string[][],
  columns: VisitColumns,
  settings: { defaultCountry: string; timeZone: string },
): { visits: PreparedVisit[]; rejected: RejectedVisitRow[] } {
  const visits: PreparedVisit[] = [];
  const rejected: RejectedVisitRow[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (row: string[], index: number | null) => (index === null ? "" : (row[index] ?? "").trim());
  const fallbackCurrency = currencyOfCountry(settings.defaultCountry);
  const prepare = (raw: string[], row: number): PreparedVisit | Problem => {
    const phone = normalizePhone(cell(raw, columns.phone), settings.defaultCountry);
    if (!phone.ok) return phone.problem;
    const time = readVisitTime(cell(raw, columns.visitedAt), settings.timeZone);
    if (!time.ok) return time.reason;
    if (time.value.getTime() > Date.now() + 5 * 60_000) return { key: "Contacts.visitsImport.rows.future" };
    const party = readPartySize(cell(raw, columns.partySize));
    if (!party.ok) return party.reason;
    const spend = readSpend(cell(raw, columns.spend));
    if (!spend.ok) return spend.reason;
    let currency: string | null = null;
    let spendMinor: number | null = null;
    if (spend.value !== null) {
      currency = cell(raw, columns.currency).toUpperCase() || fallbackCurrency;
      if (!currency) return { key: "Contacts.visitsImport.rows.noCurrency" };
      if (!CURRENCIES.has(currency))
        return { key: "Contacts.visitsImport.rows.badCurrency", values: { value: currency.slice(0, 10) } };
      const decimals = spend.value.split(".")[1]?.length ?? 0;
      if (decimals > currencyDigits(currency))
        return { key: "Contacts.visitsImport.rows.badSpend", values: { value: cell(raw, columns.spend) } };
      spendMinor = toMinorUnits(spend.value, currency);
    }
    const externalId = cell(raw, columns.externalId).slice(0, 100) || null;
    if (externalId !== null) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined)
        return { key: "Contacts.visitsImport.rows.duplicate", values: { id: externalId, row: first } };
      firstRowOf.set(externalId, row);
    }
    return { row, phone: phone.e164, visitedAt: time.value, partySize: party.value, spendMinor, currency, externalId };
  };
  for (const [i, raw] of rows.entries()) {
    const result = prepare(raw, i + 2);
    if ("key" in result) rejected.push({ row: i + 2, value: cell(raw, columns.phone), reason: result });
    else visits.push(result);
  }
  return { visits, rejected };
}
