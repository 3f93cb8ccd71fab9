import Papa from "papaparse";

/** Largest CSV the import accepts (documented in the README and on the page). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

export type CsvFileError = { ok: false; reason: string };
export type ParsedCsv = { ok: true; headers: string[]; rows: string[][]; delimiter: string };

const ACCEPTED_EXTENSIONS = /\.(csv|txt|tsv)$/i;

/**
 * Checks an uploaded file and decodes it as UTF-8 text. Excel workbooks, other binary files, UTF-16 exports and
 * bytes that are not valid UTF-8 are refused with a reason a manager can act on.
 */
export function decodeCsvBytes(bytes: Uint8Array, fileName?: string): { ok: true; text: string } | CsvFileError {
  if (bytes.byteLength === 0) return { ok: false, reason: "The file is empty." };
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      reason: `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_MB} MB. Split it into smaller files.`,
    };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      ok: false,
      reason: 'This is an Excel workbook (.xlsx), not a CSV file. In Excel choose File > Save As > "CSV UTF-8".',
    };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      ok: false,
      reason: 'This is an old Excel workbook (.xls), not a CSV file. In Excel choose File > Save As > "CSV UTF-8".',
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'The file is saved as UTF-16. Save it as "CSV UTF-8" and try again.' };
  }
  if (fileName && !ACCEPTED_EXTENSIONS.test(fileName)) {
    return {
      ok: false,
      reason: `"${fileName}" is not a CSV file. Choose a .csv file (in Excel: Save As > "CSV UTF-8").`,
    };
  }
  const probe = bytes.subarray(0, Math.min(bytes.byteLength, 64 * 1024));
  if (probe.includes(0)) return { ok: false, reason: "This is not a text file. Choose a CSV file." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      reason:
        'The file is not valid UTF-8 text (it may be saved as "CSV (Windows)" or Latin-1). In Excel choose "CSV UTF-8" and try again.',
    };
  }
  return { ok: true, text };
}

/**
 * Parses CSV text with every cell kept as the exact text written (no number conversion, so leading zeros and
 * long numbers survive). The delimiter (comma, semicolon as in Danish Excel, tab) is detected.
 */
export function parseCsvText(text: string): ParsedCsv | CsvFileError {
  const result = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: "greedy" });
  const fatal = result.errors.find((e) => e.type === "Quotes" && e.code === "MissingQuotes");
  if (fatal)
    return {
      ok: false,
      reason: `The file has a quote that is never closed (row ${(fatal.row ?? 0) + 1}). Check the file and export it again.`,
    };
  const [headerRow, ...rows] = result.data;
  if (!headerRow || headerRow.every((h) => !h.trim())) return { ok: false, reason: "The file has no header row." };
  if (rows.length === 0) return { ok: false, reason: "The file has a header row but no guests." };
  return {
    ok: true,
    headers: headerRow.map((h, i) => h.trim() || `Column ${i + 1}`),
    rows,
    delimiter: result.meta.delimiter,
  };
}

/** decodeCsvBytes and parseCsvText in one step. */
export function readCsvFile(bytes: Uint8Array, fileName?: string): ParsedCsv | CsvFileError {
  const decoded = decodeCsvBytes(bytes, fileName);
  return decoded.ok ? parseCsvText(decoded.text) : decoded;
}
