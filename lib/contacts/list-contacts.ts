import "server-only";
import { asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { type ContactFilter, type ContactSort, contactFilterSql, type SortDirection } from "./contact-filter";

export type ContactListQuery = {
  filter: ContactFilter;
  sort: ContactSort;
  direction: SortDirection;
  page: number;
  pageSize: number;
};

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

export type ContactListPage = {
  rows: ContactListRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

function orderFor(sort: ContactSort, direction: SortDirection): SQL[] {
  const dir = direction === "asc" ? asc : desc;
  switch (sort) {
    case "name":
      return [dir(contacts.nameKey), dir(contacts.id)];
    case "phone":
      return [dir(contacts.phone)];
    default:
      return [dir(contacts.createdAt), dir(contacts.id)];
  }
}

/**
 * One page of the contacts table, sorted and filtered in SQL. The page's ids are found first from the sort
 * index alone (a deferred join), then only those rows are read with their groups, so a deep page costs an index
 * walk rather than reading every row before it.
 */
export async function listContacts(db: Database, query: ContactListQuery): Promise<ContactListPage> {
  const where = contactFilterSql(query.filter);
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where);
  const total = countRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const order = orderFor(query.sort, query.direction);
  const ids = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize);
  if (ids.length === 0) return { rows: [], total, page, pageSize: query.pageSize, pageCount };
  const idList = ids.map((r) => r.id);
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
  return {
    rows: idList.flatMap((id) => byId.get(id) ?? []),
    total,
    page,
    pageSize: query.pageSize,
    pageCount,
  };
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
