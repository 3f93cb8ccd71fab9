import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { csvCell } from "../csv-cell";
import { type Problem, problemText } from "../problem";
import { EMPTY_MAPPING, guessMapping } from "./column-mapping";
import { decodeCsvBytes, MAX_IMPORT_BYTES, parseCsvText, readCsvFile } from "./csv-file";
import { parseBirthday, prepareImportRows } from "./prepare-rows";
import { rejectedRowsCsv } from "./rejected-report";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A problem as an English reader sees it. */
const t = createTranslator({ locale: "en-GB", messages: en });
const english = (problem: Problem) => problemText(t, problem);
const said = (result: { ok: boolean; reason?: Problem }) => (result.reason ? english(result.reason) : "");

describe("reading the CSV file", () => {
  it("keeps every cell as the text written: leading zeros and long numbers survive", () => {
    const parsed = readCsvFile(utf8("Telefon;Fornavn\n0045 20123456;Åse\n03001234567;Ali\n"), "gæster.csv");
    expect(parsed).toMatchObject({ ok: true, headers: ["Telefon", "Fornavn"], delimiter: ";" });
    if (parsed.ok)
      expect(parsed.rows).toEqual([
        ["0045 20123456", "Åse"],
        ["03001234567", "Ali"],
      ]);
  });

  it("strips the UTF-8 BOM Excel writes and handles quoted cells with commas and newlines", () => {
    const parsed = readCsvFile(
      utf8('\uFEFFphone,notes\n"+45 20 12 34 56","likes window seat, ""quiet""\nsecond line"\n'),
    );
    expect(parsed.ok && parsed.headers[0]).toBe("phone");
    expect(parsed.ok && parsed.rows[0]![1]).toBe('likes window seat, "quiet"\nsecond line');
  });

  it.each([
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), "guests.xlsx", /Excel workbook/],
    [new Uint8Array([0xff, 0xfe, 0x70, 0x00]), "guests.csv", /UTF-16/],
    [new Uint8Array([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x0a, 0xe6, 0xf8, 0xe5]), "guests.csv", /not valid UTF-8/],
    [utf8("phone\n1"), "guests.pdf", /not a CSV file/],
    [new Uint8Array(0), "guests.csv", /empty/],
    [new Uint8Array([0x61, 0x00, 0x62]), "guests.csv", /not a text file/],
  ])("refuses a bad file with a clear reason (%#)", (bytes, name, reason) => {
    const result = decodeCsvBytes(bytes, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(reason);
  });

  it("refuses files over the documented size limit", () => {
    const result = decodeCsvBytes(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), "big.csv");
    expect(said(result)).toContain("the limit is 10 MB");
  });

  it("refuses a header-only file and an unclosed quote", () => {
    expect(said(parseCsvText("phone\n"))).toContain("no guests");
    expect(said(parseCsvText('phone,name\n"2012,Ann\n'))).toContain("quote");
  });
});

describe("guessing the column mapping", () => {
  it("reads English and Danish headers", () => {
    expect(guessMapping(["Fornavn", "Efternavn", "Tlf.", "Fødselsdag", "Tags", "Sprog", "Bemærkning"])).toEqual({
      phone: 2,
      firstName: 0,
      lastName: 1,
      fullName: null,
      birthday: 3,
      language: 5,
      tags: 4,
      notes: 6,
    });
    expect(guessMapping(["Name", "Mobile phone", "Birthday (MM-DD)", "Last visit"])).toMatchObject({
      phone: 1,
      fullName: 0,
      birthday: 2,
      lastName: null,
    });
  });

  it("finds the phone column from its contents when no header names it", () => {
    const mapping = guessMapping(
      ["Guest", "Col B", "Col C"],
      [
        ["Ann", "2 guests", "20 12 34 56"],
        ["Bo", "4 guests", "+45 31 22 33 44"],
      ],
    );
    expect(mapping.phone).toBe(2);
  });
});

describe("preparing rows", () => {
  const mapping = { ...EMPTY_MAPPING, phone: 0, fullName: 1, birthday: 2, tags: 3 };

  it("normalises numbers, splits names, reads birthdays and tags", () => {
    const { contacts, rejected } = prepareImportRows(
      [["20 12 34 56", "Anna Marie Hansen", "21.03.1990", "VIP, Lunch"]],
      mapping,
      "DK",
    );
    expect(rejected).toEqual([]);
    expect(contacts[0]).toMatchObject({
      row: 2,
      phone: "+4520123456",
      firstName: "Anna Marie",
      lastName: "Hansen",
      birthdayMonth: 3,
      birthdayDay: 21,
      tags: ["vip", "lunch"],
      warning: null,
    });
  });

  it("rejects empty, invalid and scientific-notation cells, and later duplicates, with row numbers and reasons", () => {
    const result = prepareImportRows(
      [
        ["20123456", "A"],
        ["", "B"],
        ["4.52E+09", "C"],
        ["123", "D"],
        ["+45 20 12 34 56", "E"],
        ["0045 2012 3456", "F"],
        ["+92 21 3456 7890", "G"],
      ],
      mapping,
      "DK",
    );
    expect(result.contacts.map((c) => c.row)).toEqual([2]);
    expect(result.invalid).toBe(4);
    expect(result.duplicates).toBe(2);
    expect(result.rejected.map((r) => ({ ...r, reason: english(r.reason) }))).toEqual([
      { row: 3, value: "", reason: "No phone number." },
      { row: 4, value: "4.52E+09", reason: expect.stringContaining("scientific notation") },
      { row: 5, value: "123", reason: expect.stringContaining("digits") },
      { row: 6, value: "+45 20 12 34 56", reason: "Same number as row 2 (+4520123456)." },
      { row: 7, value: "0045 2012 3456", reason: "Same number as row 2 (+4520123456)." },
      { row: 8, value: "+92 21 3456 7890", reason: expect.stringContaining("landline") },
    ]);
  });

  it("uses the default country for local numbers (PK leading zero)", () => {
    const { contacts } = prepareImportRows([["0300 1234567"]], { ...EMPTY_MAPPING, phone: 0 }, "PK");
    expect(contacts[0]?.phone).toBe("+923001234567");
  });

  it("keeps a row whose birthday is not understood, with a warning", () => {
    const { contacts } = prepareImportRows([["20123456", "Ann", "sometime in May"]], mapping, "DK");
    expect(contacts[0]).toMatchObject({ birthdayMonth: null });
    expect(english(contacts[0]!.warning!)).toContain("sometime in May");
  });

  it.each([
    ["1990-03-21", { month: 3, day: 21 }],
    ["03-21", { month: 3, day: 21 }],
    ["--03-21", { month: 3, day: 21 }],
    ["21/03", { month: 3, day: 21 }],
    ["21.03.1990", { month: 3, day: 21 }],
    ["29-02-1992", { month: 2, day: 29 }],
    ["31.04", null],
    ["13-45", null],
    ["soon", null],
  ])("reads the birthday %s", (raw, expected) => {
    expect(parseBirthday(raw)).toEqual(expected);
  });
});

describe("CSV output", () => {
  it("quotes and defuses formula cells but leaves phone numbers alone", () => {
    expect(csvCell("+4520123456")).toBe("+4520123456");
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it("writes the rejected-rows report with row number, raw value and reason", () => {
    const csv = rejectedRowsCsv([{ row: 4, value: "4.52E+09", reason: { key: "x" } }], () => "Rounded, sorry");
    expect(csv).toBe('\uFEFFRow,Phone as written,Reason\r\n4,4.52E+09,"Rounded, sorry"\r\n');
  });
});
