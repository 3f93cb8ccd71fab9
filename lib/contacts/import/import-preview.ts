import type { Problem } from "../problem";
import type { PreparedImport } from "./prepare-rows";

/** One row of the file as the import will treat it: the normalised number, or why it is rejected. */
export type PreviewRow = {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The phone cell as written. */
  value: string;
  phone: string | null;
  name: string;
  error: Problem | null;
  warning: Problem | null;
  /** The number is already in the guest book. */
  exists: boolean;
};

export const PREVIEW_FILTERS = ["all", "rejected"] as const;
export type PreviewFilter = (typeof PREVIEW_FILTERS)[number];

/** Rows per preview page: a phone screen or two, and a small answer even for a 100,000-row file. */
export const PREVIEW_PAGE_ROWS = 50;

export type PreviewPage = {
  filter: PreviewFilter;
  page: number;
  pageCount: number;
  /** Rows matching the filter, on every page. */
  matching: number;
  rows: PreviewRow[];
  /** Names the whole preview kept on the server, for the next page; null when it wasn't kept. */
  token: string | null;
};

/** Every row of the file as the preview shows it, in file order. */
export function buildPreviewRows(
  rows: string[][],
  phoneColumn: number,
  prepared: PreparedImport,
  existing: Set<string>,
): PreviewRow[] {
  const preview: PreviewRow[] = rows.map((raw, i) => ({
    row: i + 2,
    value: (raw[phoneColumn] ?? "").trim(),
    phone: null,
    name: "",
    error: null,
    warning: null,
    exists: false,
  }));
  for (const c of prepared.contacts) {
    const p = preview[c.row - 2]!;
    p.phone = c.phone;
    p.name = `${c.firstName} ${c.lastName}`.trim();
    p.warning = c.warning;
    p.exists = existing.has(c.phone);
  }
  for (const r of prepared.rejected) preview[r.row - 2]!.error = r.reason;
  return preview;
}

/** One page of the preview, of all rows or of the rejected ones only; a page past the end shows the last. */
export function pagePreview(
  rows: PreviewRow[],
  request: { filter?: PreviewFilter; page?: number },
  token: string | null = null,
): PreviewPage {
  const filter = request.filter ?? "all";
  const matchingRows = filter === "rejected" ? rows.filter((r) => r.error !== null) : rows;
  const pageCount = Math.max(1, Math.ceil(matchingRows.length / PREVIEW_PAGE_ROWS));
  const page = Math.min(Math.max(1, Math.floor(request.page ?? 1)), pageCount);
  const start = (page - 1) * PREVIEW_PAGE_ROWS;
  return {
    filter,
    page,
    pageCount,
    matching: matchingRows.length,
    rows: matchingRows.slice(start, start + PREVIEW_PAGE_ROWS),
    token,
  };
}
