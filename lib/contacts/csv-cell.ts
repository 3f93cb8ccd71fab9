/**
 * Why this rule (OWASP "CSV Injection", issue #14): Excel, LibreOffice Calc and Google Sheets run a cell as a
 * formula when it starts with = + - or @ (or their full-width twins, which East Asian input methods type), and
 * some importers first drop leading whitespace, double quotes or control characters, or start a cell at a TAB/CR. Any
 * such cell gets a leading apostrophe, which all three show as text. The one exception is a cell that is
 * nothing but a number: `+4520123456` (a phone number in E.164) or `-3` reads as that number in every
 * spreadsheet and can hold no function, reference or DDE call; escaping it would put a visible apostrophe in
 * front of every phone number and stop the file from importing back as it was exported.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: spreadsheets skip leading control characters before a formula, so the rule must see them
const FORMULA_START = /^[\s"\u0000-\u001f\u007f\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: spreadsheets skip leading control characters before a formula, so the rule must see them
const CONTROL_START = /^[\u0000-\u001f\u007f]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** One CSV cell, quoted when needed, and never a formula a spreadsheet would run (see the rule above). */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if ((FORMULA_START.test(s) || CONTROL_START.test(s)) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\n\r;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV line (CRLF-terminated, as Excel expects). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Excel needs the UTF-8 byte-order mark to show æ, ø, å and Urdu correctly. */
export const CSV_BOM = "\uFEFF";
