import { CSV_BOM, csvLine } from "../csv-cell";
import type { RejectedRow } from "./prepare-rows";

/** The downloadable report of rejected rows: row number, the phone cell as written, and why. */
export function rejectedRowsCsv(rows: RejectedRow[]): string {
  return (
    CSV_BOM +
    csvLine(["Row", "Phone as written", "Reason"]) +
    rows.map((r) => csvLine([r.row, r.value, r.reason])).join("")
  );
}
