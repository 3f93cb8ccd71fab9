import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { analyzeContactImport } from "./import-contacts";
import { PREVIEW_PAGE_ROWS, type PreviewRow, pagePreview } from "./import-preview";
import { findPreview, keepPreview } from "./preview-store";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** n rows of valid, distinct Danish mobiles (+45 27xxxxxx), every 10th one broken, every 25th a repeat of row 2. */
function file(n: number) {
  const lines = ["phone,name"];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 9) lines.push(`not a number ${i},Broken ${i}`);
    else if (i % 25 === 24) lines.push(`+4527000000,Again ${i}`);
    else lines.push(`+4527${String(i).padStart(6, "0")},Guest ${i}`);
  }
  return utf8(`${lines.join("\n")}\n`);
}

describe("import preview pages", () => {
  it("pages through every row, or only the rejected ones with their reasons, from the kept preview", async () => {
    const analysis = await analyzeContactImport(getDb(), file(1234), {
      fileName: "big.csv",
      defaultCountry: "DK",
      keepFor: "user-a",
    });
    expect(analysis.rows).toBe(1234);
    expect(analysis.preview).toMatchObject({
      filter: "all",
      page: 1,
      pageCount: Math.ceil(1234 / PREVIEW_PAGE_ROWS),
      matching: 1234,
    });
    expect(analysis.preview.rows).toHaveLength(PREVIEW_PAGE_ROWS);
    expect(analysis.preview.rows[0]).toMatchObject({ row: 2, phone: "+4527000000", name: "Guest 0", error: null });

    const rows = findPreview("user-a", analysis.preview.token!)!;
    expect(rows).toHaveLength(1234);
    // Another person can't read it, and a made-up token finds nothing.
    expect(findPreview("user-b", analysis.preview.token!)).toBeNull();
    expect(findPreview("user-a", "00000000-0000-0000-0000-000000000000")).toBeNull();

    const last = pagePreview(rows, { page: 25 });
    expect(last.rows.map((r) => r.row)).toEqual(Array.from({ length: 34 }, (_, i) => 1202 + i));
    expect(pagePreview(rows, { page: 999 }).page).toBe(25); // past the end: the last page

    const rejected = pagePreview(rows, { filter: "rejected", page: 1 });
    expect(rejected.matching).toBe(analysis.invalid + analysis.duplicates);
    expect(rejected.rows.every((r) => r.error !== null && r.phone === null)).toBe(true);
    expect(rejected.rows[0]).toMatchObject({ row: 11, value: "not a number 9" });
    expect(rejected.rows.find((r) => r.value === "+4527000000")?.error).toMatchObject({
      key: "Contacts.import.rows.duplicate",
      values: { row: 2 },
    });
  });

  it("answers a 100,000-row file with one small page", async () => {
    const analysis = await analyzeContactImport(getDb(), file(100_000), {
      fileName: "huge.csv",
      defaultCountry: "DK",
      keepFor: "user-c",
      filter: "rejected",
      page: 3,
    });
    expect(analysis.rows).toBe(100_000);
    expect(analysis.preview).toMatchObject({
      filter: "rejected",
      page: 3,
      matching: analysis.invalid + analysis.duplicates,
    });
    expect(analysis.preview.rows).toHaveLength(PREVIEW_PAGE_ROWS);
    expect(JSON.stringify(analysis).length).toBeLessThan(20_000);
  }, 60_000);

  it("keeps one preview per person, and forgets it after half an hour", () => {
    const rows: PreviewRow[] = [
      {
        row: 2,
        value: "x",
        phone: null,
        name: "",
        error: { key: "Contacts.import.rows.noPhone" },
        warning: null,
        exists: false,
      },
    ];
    const t0 = Date.now();
    const first = keepPreview("user-d", rows, t0);
    const second = keepPreview("user-d", rows, t0 + 1000);
    expect(findPreview("user-d", first, t0 + 2000)).toBeNull();
    expect(findPreview("user-d", second, t0 + 2000)).toBe(rows);
    expect(findPreview("user-d", second, t0 + 2000 + 31 * 60_000)).toBeNull();
  });
});
