import { parseAsString } from "nuqs/server";
import { cursorParsers, parseAsCleanText } from "@/lib/paging/url-parsers";

// Pure: the filter bar's URL hook reads and writes these keys; the page and the CSV export validate the same
// URL with parseHistoryFilters (filters.ts), which drops anything malformed before it reaches SQL.

/** Our history's URL state: the filter bar's fields and the keyset position. */
export const historyTableParsers = {
  q: parseAsCleanText(100),
  provider: parseAsString,
  state: parseAsString,
  campaign: parseAsString,
  sender: parseAsCleanText(40),
  from: parseAsString,
  to: parseAsString,
  ...cursorParsers,
};
