import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { CONSENT_STATES, type ConsentState, contacts, groupMembers } from "@/drizzle/schema";

/** What the contacts table (and its bulk actions on "all matching") narrows down to. */
export type ContactFilter = { q?: string; group?: string; consent?: ConsentState; tag?: string };

export const CONTACT_SORTS = ["created", "name", "phone"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export type SortDirection = "asc" | "desc";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the table's URL state (page, size, sort, q, group, consent, tag), ignoring anything malformed. */
export function parseContactQuery(params: Record<string, string | string[] | undefined>) {
  const one = (k: string) => {
    const v = params[k];
    // Control characters (NUL above all: Postgres refuses it in text) never belong in the table's URL state.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters from a search typed or pasted into the URL
    return (Array.isArray(v) ? v[0] : v)?.replace(/[\u0000-\u001f\u007f]/g, "").trim() || undefined;
  };
  const filter: ContactFilter = {};
  const q = one("q");
  if (q) filter.q = q.slice(0, 100);
  const group = one("group");
  if (group && UUID.test(group)) filter.group = group;
  const consent = one("consent");
  if (consent && (CONSENT_STATES as readonly string[]).includes(consent)) filter.consent = consent as ConsentState;
  const tag = one("tag");
  if (tag) filter.tag = tag.toLowerCase().slice(0, 32);
  const [sortKey, sortDir] = (one("sort") ?? "").split(".");
  const sort: ContactSort = (CONTACT_SORTS as readonly string[]).includes(sortKey ?? "")
    ? (sortKey as ContactSort)
    : "created";
  const direction: SortDirection =
    sortDir === "asc" || sortDir === "desc" ? sortDir : sort === "created" ? "desc" : "asc";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(one("page") ?? "1", 10) || 1));
  const size = Number.parseInt(one("size") ?? "", 10);
  const pageSize = [25, 50, 100].includes(size) ? size : 50;
  return { filter, sort, direction, page, pageSize };
}

/** Escapes LIKE wildcards so a guest named "50%" is searched literally. */
function likeEscape(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE clause for a filter. Search matches a substring of "first last" (case-insensitive) or of the phone
 * digits; both are served by pg_trgm GIN indexes (migration 0004/0005), so it stays fast at 100k rows.
 */
export function contactFilterSql(filter: ContactFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const q = filter.q?.trim();
  if (q) {
    const name = `%${likeEscape(q.toLowerCase().replace(/\s+/g, " "))}%`;
    const digits = q.replace(/[\s().\-/]/g, "").replace(/^00/, "+");
    const phoneLike = /^\+?\d+$/.test(digits) ? `%${likeEscape(digits.replace(/^\+/, ""))}%` : null;
    const nameMatch = sql`lower(${contacts.firstName} || ' ' || ${contacts.lastName}) like ${name}`;
    parts.push(phoneLike ? sql`(${nameMatch} or ${contacts.phone} like ${phoneLike})` : nameMatch);
  }
  if (filter.consent) parts.push(eq(contacts.consentState, filter.consent));
  if (filter.tag) parts.push(sql`${contacts.tags} @> array[${filter.tag}]::text[]`);
  if (filter.group) {
    parts.push(
      sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${filter.group} and ${groupMembers.contactId} = contacts.id)`,
    );
  }
  return and(...parts);
}

/** A selection from the table: the ticked ids, or everything matching a filter. */
export type ContactSelection = { ids: string[] } | { filter: ContactFilter };

/** The WHERE clause for a selection (an empty filter selects every contact). */
export function contactSelectionSql(selection: ContactSelection): SQL {
  if ("ids" in selection) {
    return selection.ids.length ? sql`${contacts.id} = any(${sql.param(selection.ids)}::uuid[])` : sql`false`;
  }
  return contactFilterSql(selection.filter) ?? sql`true`;
}
