import Papa from "papaparse";
import type { Problem } from "../problem";

/** Largest CSV the import accepts (documented in the README and on the page). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

export type CsvFileError = { ok: false; reason: Problem };
export type ParsedCsv = { ok: true; headers: string[]; rows: string[][]; delimiter: string };

const ACCEPTED_EXTENSIONS = /\.(csv|txt|tsv)$/i;

/**
 * Checks an uploaded file and decodes it as UTF-8 text. Excel workbooks, other binary files, UTF-16 exports and
 * bytes that are not valid UTF-8 are refused with a reason a manager can act on.
 */
export function decodeCsvBytes(bytes: Uint8Array, fileName?: string): { ok: true; text: string } | CsvFileError {
  if (bytes.byteLength === 0) return { ok: false, reason: { key: "Contacts.import.file.empty" } };
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      reason: {
        key: "Contacts.import.file.tooLarge",
        values: { size: bytes.byteLength / 1024 / 1024, max: MAX_IMPORT_MB },
      },
    };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      ok: false,
      reason: { key: "Contacts.import.file.xlsx" },
    };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      ok: false,
      reason: { key: "Contacts.import.file.xls" },
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: { key: "Contacts.import.file.utf16" } };
  }
  if (fileName && !ACCEPTED_EXTENSIONS.test(fileName)) {
    return {
      ok: false,
      reason: { key: "Contacts.import.file.notCsv", values: { fileName } },
    };
  }
  const probe = bytes.subarray(0, Math.min(bytes.byteLength, 64 * 1024));
  if (probe.includes(0)) return { ok: false, reason: { key: "Contacts.import.file.binary" } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      reason: { key: "Contacts.import.file.notUtf8" },
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
      reason: { key: "Contacts.import.file.unclosedQuote", values: { row: (fatal.row ?? 0) + 1 } },
    };
  const [headerRow, ...rows] = result.data;
  if (!headerRow || headerRow.every((h) => !h.trim()))
    return { ok: false, reason: { key: "Contacts.import.file.noHeader" } };
  if (rows.length === 0) return { ok: false, reason: { key: "Contacts.import.file.noRows" } };
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
