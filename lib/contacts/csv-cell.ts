/**
 * One CSV cell, quoted when needed. Cells a spreadsheet would run as a formula (=, @, or +/- not followed by a
 * digit) get a leading apostrophe, so an exported guest book cannot carry CSV injection.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=@\t\r]/.test(s) || /^[+-](?![\d\s])/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV line (CRLF-terminated, as Excel expects). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Excel needs the UTF-8 byte-order mark to show æ, ø, å and Urdu correctly. */
export const CSV_BOM = "\uFEFF";
