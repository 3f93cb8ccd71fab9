import { createLoader, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { cursorParsers, listedQuery, parseAsCleanText, parseAsSort, parseAsUuid } from "@/lib/paging/url-parsers";

// Pure (no database): the contacts page, its table's URL hook and the tests read the URL the same way.

export const CONTACT_CONSENT_STATES = ["granted", "withdrawn", "none"] as const;
export type ContactConsentState = (typeof CONTACT_CONSENT_STATES)[number];

/** What the contacts table (and its bulk actions on "all matching") narrows down to. */
export type ContactFilter = { q?: string; group?: string; consent?: ContactConsentState; tag?: string };

export const CONTACT_SORTS = ["created", "name", "phone"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export type SortDirection = "asc" | "desc";
export const CONTACT_PAGE_SIZES = [25, 50, 100] as const;

/** The contacts table's URL state: search, filters, sort, page size and keyset position. */
export const contactTableParsers = {
  q: parseAsCleanText(100),
  group: parseAsUuid,
  consent: parseAsStringLiteral(CONTACT_CONSENT_STATES),
  tag: parseAsCleanText(32, (s) => s.toLowerCase()),
  // Newest first by default; names and phones read A to Z.
  sort: parseAsSort(CONTACT_SORTS, (key) => (key === "created" ? "desc" : "asc")).withDefault("created.desc"),
  size: parseAsNumberLiteral(CONTACT_PAGE_SIZES).withDefault(50),
  ...cursorParsers,
};

export const loadContactTableParams = createLoader(contactTableParsers);

/** Reads the table's URL state (q, group, consent, tag, sort, size, after/before), ignoring anything malformed. */
export function parseContactQuery(params: Record<string, string | string[] | undefined> | URLSearchParams) {
  const p = loadContactTableParams(params);
  const filter: ContactFilter = {};
  if (p.q) filter.q = p.q;
  if (p.group) filter.group = p.group;
  if (p.consent) filter.consent = p.consent;
  if (p.tag) filter.tag = p.tag;
  const [sort, direction] = p.sort.split(".") as [ContactSort, SortDirection];
  return {
    filter,
    sort,
    direction,
    pageSize: p.size,
    after: p.after,
    before: p.before,
    listedWith: listedQuery(contactTableParsers, p),
  };
}
