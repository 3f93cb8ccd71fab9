import { CSV_BOM, csvLine } from "../csv-cell";
import type { Problem } from "../problem";
import type { RejectedRow } from "./prepare-rows";

/**
 * The downloadable report of rejected rows: row number, the phone cell as written, and why (in the reader's
 * language, worded by `text`). The header row stays English, like every CSV the app writes.
 */
export function rejectedRowsCsv(rows: RejectedRow[], text: (problem: Problem) => string): string {
  return (
    CSV_BOM +
    csvLine(["Row", "Phone as written", "Reason"]) +
    rows.map((r) => csvLine([r.row, r.value, text(r.reason)])).join("")
  );
}
