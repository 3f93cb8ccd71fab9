import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { CSV_BOM, csvLine } from "./csv-cell";

const HEADER = [
  "Phone",
  "First name",
  "Last name",
  "Birthday (MM-DD)",
  "Language",
  "Tags",
  "Groups",
  "Marketing consent",
  "Consent changed",
  "Suppressed",
  "Added",
];
const BATCH = 5000;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The guest book (or one group) as CSV with each guest's consent status, read in keyset batches so a 100k list
 * streams in constant memory. The first chunk carries the BOM and header row.
 */
export async function* exportContactsCsv(
  db: Database,
  options: { groupId?: string | null } = {},
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(HEADER);
  let after: string | null = null;
  for (;;) {
    const where = and(
      after ? gt(contacts.id, after) : undefined,
      options.groupId
        ? sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${options.groupId} and ${groupMembers.contactId} = contacts.id)`
        : undefined,
    );
    const rows = await db
      .select({
        id: contacts.id,
        phone: contacts.phone,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        birthdayMonth: contacts.birthdayMonth,
        birthdayDay: contacts.birthdayDay,
        language: contacts.language,
        tags: contacts.tags,
        consentState: contacts.consentState,
        consentChangedAt: contacts.consentChangedAt,
        createdAt: contacts.createdAt,
        groups: sql<string>`coalesce((select string_agg(g.name, '; ' order by g.name) from ${groupMembers} gm join ${groups} g on g.id = gm.group_id where gm.contact_id = contacts.id), '')`,
        suppressed: sql<boolean>`exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(contacts.phone, 'UTF8')), 'hex'))`,
      })
      .from(contacts)
      .where(where)
      .orderBy(asc(contacts.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        csvLine([
          r.phone,
          r.firstName,
          r.lastName,
          r.birthdayMonth && r.birthdayDay ? `${pad(r.birthdayMonth)}-${pad(r.birthdayDay)}` : "",
          r.language ?? "",
          r.tags.join("; "),
          r.groups,
          r.consentState,
          r.consentChangedAt?.toISOString() ?? "",
          r.suppressed ? "yes" : "no",
          r.createdAt.toISOString(),
        ]),
      )
      .join("");
    after = rows.at(-1)!.id;
    if (rows.length < BATCH) return;
  }
}

/** How many guests an export would contain (for the audit log). */
export async function countForExport(db: Database, groupId?: string | null): Promise<number> {
  const [row] = groupId
    ? await db.select({ n: sql<number>`count(*)::int` }).from(groupMembers).where(eq(groupMembers.groupId, groupId))
    : await db.select({ n: sql<number>`count(*)::int` }).from(contacts);
  return row?.n ?? 0;
}
