import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import {
  atMicros,
  CURSOR_PARTS,
  decodeCursor,
  type KeysetPage,
  type KeysetPosition,
  keysetPage,
  keysetSql,
  microsOf,
} from "@/lib/paging/keyset";
import { type ContactFilter, type ContactSort, contactFilterSql, type SortDirection } from "./contact-filter";

export type ContactListQuery = {
  filter: ContactFilter;
  sort: ContactSort;
  direction: SortDirection;
  pageSize: number;
} & KeysetPosition;

export type ContactListRow = {
  id: string;
  phone: string;
  firstName: string;
  lastName: string;
  tags: string[];
  consentState: "granted" | "withdrawn" | "none";
  consentChangedAt: Date | null;
  birthdayMonth: number | null;
  birthdayDay: number | null;
  createdAt: Date;
  groups: { id: string; name: string }[];
};

export type ContactListPage = KeysetPage<ContactListRow> & { total: number; pageSize: number };

/** Each sort's key as the index holds it (name_key, phone, created_at), and as exact text for the cursor. */
const SORT_KEYS = {
  created: { column: contacts.createdAt, text: microsOf(contacts.createdAt), check: CURSOR_PARTS.micros },
  name: { column: contacts.nameKey, text: sql<string>`${contacts.nameKey}`, check: CURSOR_PARTS.text },
  phone: { column: contacts.phone, text: sql<string>`${contacts.phone}`, check: CURSOR_PARTS.text },
} as const;

/**
 * One page of the contacts table, sorted and filtered in SQL, by keyset: the page's ids are found from the
 * sort index alone, starting at the cursor (so a deep page costs what the first does), then only those rows
 * are read with their groups.
 */
export async function listContacts(db: Database, query: ContactListQuery): Promise<ContactListPage> {
  const where = contactFilterSql(query.filter);
  const key = SORT_KEYS[query.sort];
  const check = { key: key.check, id: CURSOR_PARTS.uuid };
  const after = decodeCursor(query.after, check);
  const before = after ? null : decodeCursor(query.before, check);
  const keyset = keysetSql(
    { key: key.column, id: contacts.id, direction: query.direction },
    { after, before },
    (c) => ({
      key: query.sort === "created" ? atMicros(c.key) : sql`${c.key}`,
      id: sql`${c.id}::uuid`,
    }),
  );
  const [[countRow], edge] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where),
    db
      .select({ id: contacts.id, key: key.text })
      .from(contacts)
      .where(and(where, keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(query.pageSize + 1),
  ]);
  const total = countRow?.n ?? 0;
  const page = keysetPage(edge, { limit: query.pageSize, after, before, cursorOf: (r) => ({ key: r.key, id: r.id }) });
  const idList = page.rows.map((r) => r.id);
  if (idList.length === 0) return { ...page, rows: [], total, pageSize: query.pageSize };
  const [rows, memberships] = await Promise.all([
    db
      .select({
        id: contacts.id,
        phone: contacts.phone,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        tags: contacts.tags,
        consentState: contacts.consentState,
        consentChangedAt: contacts.consentChangedAt,
        birthdayMonth: contacts.birthdayMonth,
        birthdayDay: contacts.birthdayDay,
        createdAt: contacts.createdAt,
      })
      .from(contacts)
      .where(inArray(contacts.id, idList)),
    db
      .select({ contactId: groupMembers.contactId, id: groups.id, name: groups.name })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(inArray(groupMembers.contactId, idList))
      .orderBy(asc(groups.name)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, { ...r, groups: [] as { id: string; name: string }[] }]));
  for (const m of memberships) byId.get(m.contactId)?.groups.push({ id: m.id, name: m.name });
  return { ...page, rows: idList.flatMap((id) => byId.get(id) ?? []), total, pageSize: query.pageSize };
}

const TAG_CACHE_MS = 30_000;
const tagCache = new WeakMap<Database, { at: number; tags: { tag: string; count: number }[] }>();
let tagGeneration = 0;
let cachedGeneration = 0;

/**
 * Every tag in use, most used first (for the tag filter). Counting means reading every guest's tags, so the
 * answer is kept for 30 s per process; this process's own edits and imports clear it at once.
 */
export async function listTags(db: Database, limit = 200): Promise<{ tag: string; count: number }[]> {
  const cached = tagCache.get(db);
  if (cached && cachedGeneration === tagGeneration && Date.now() - cached.at < TAG_CACHE_MS) return cached.tags;
  const generation = tagGeneration;
  const result = await db.execute<{ tag: string; count: number }>(
    sql`select tag, count(*)::int as count from ${contacts}, unnest(${contacts.tags}) as tag group by tag order by count desc, tag limit ${limit}`,
  );
  tagCache.set(db, { at: Date.now(), tags: result.rows });
  cachedGeneration = generation;
  return result.rows;
}

/** Drops the cached tag list (after guests or tags change). */
export function forgetTagCache() {
  tagGeneration++;
}
