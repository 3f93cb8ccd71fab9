import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { contacts, groupMembers } from "@/drizzle/schema";
import type { ContactFilter } from "./contact-table-params";

// The URL side (parsers, types) is pure and lives in contact-table-params.ts, so the table's client code shares it.
export {
  CONTACT_SORTS,
  type ContactFilter,
  type ContactSort,
  parseContactQuery,
  type SortDirection,
} from "./contact-table-params";

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
