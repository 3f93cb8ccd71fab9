import { sql } from "drizzle-orm";
import { parseContactQuery } from "@/lib/contacts/contact-filter";
import { listContacts, listTags } from "@/lib/contacts/list-contacts";
import { getDb } from "@/lib/db";
import { listGroupNames, listGroups } from "@/lib/groups/manage-groups";
import { encodeCursor } from "@/lib/paging/keyset";
import { medianMs } from "./measure";
import type { Bench } from "./types";

const CONTACTS = 100_000;

/** 100k guests with names, tags, consent states and memberships in five groups, then ANALYZE (as autovacuum would). */
async function seed() {
  const db = getDb();
  await db.execute(sql`truncate contacts, groups cascade`);
  await db.execute(sql`
    insert into contacts (phone, first_name, last_name, tags, consent_state, opt_out_token, created_at)
    select '+452' || lpad(i::text, 7, '0'),
      (array['Anna','Mads','Sofie','Frederik','Ida','Oliver','Freja','Lucas','Emma','William','Åse','Søren','Ayesha','Ali','Fatima'])[1 + i % 15] || case when i % 97 = 0 then 'belle' else '' end,
      (array['Hansen','Jensen','Nielsen','Pedersen','Andersen','Christensen','Larsen','Sørensen','Khan','Ahmed','Malik'])[1 + (i * 7) % 11] || (i % 1000)::text,
      case i % 3 when 0 then array['vip'] when 1 then array['lunch','regular'] else '{}'::text[] end,
      (array['granted','granted','none','withdrawn'])[1 + i % 4],
      'b' || lpad(to_hex(i), 9, '0'),
      now() - (i || ' seconds')::interval
    from generate_series(1, ${CONTACTS}) as i`);
  await db.execute(sql`insert into groups (name) select 'Group ' || g from generate_series(1, 5) g`);
  await db.execute(sql`
    insert into group_members (group_id, contact_id)
    select g.id, c.id from contacts c join (select id, row_number() over (order by name) as n from groups) g on (hashtext(c.id::text) % 5 + 5) % 5 + 1 = g.n`);
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze group_members`);
}

export const contactsTableBench: Bench = {
  names: [
    "contacts.table.first",
    "contacts.table.deep",
    "contacts.table.search",
    "contacts.table.filtered",
    "contacts.table.page",
    "contacts.groups.list",
  ],
  async run(report) {
    await seed();
    const db = getDb();
    const first = parseContactQuery({});
    const firstRun = await medianMs(() => listContacts(db, first));
    report({ bench: "contacts.table.first", value: firstRun.ms, unit: "ms", contacts: CONTACTS, runs: firstRun.runs });

    // The second-to-last page by name: the table pages by keyset, so the URL holds the previous page's last row.
    const deepPage = CONTACTS / 50 - 1;
    const deep = parseContactQuery({ after: await nameCursorAt((deepPage - 1) * 50 - 1), sort: "name.asc" });
    const deepRun = await medianMs(() => listContacts(db, deep));
    report({
      bench: "contacts.table.deep",
      value: deepRun.ms,
      unit: "ms",
      page: deepPage,
      sort: "name",
      runs: deepRun.runs,
    });

    const queries = ["annabelle", "Sørensen42", "2012 34", "hansen"];
    const results: Record<string, number> = {};
    for (const q of queries) results[q] = (await medianMs(() => listContacts(db, parseContactQuery({ q })))).ms;
    const worst = Math.max(...Object.values(results));
    report({
      bench: "contacts.table.search",
      value: worst,
      unit: "ms",
      queries: results,
      note: "worst median of the queries",
    });

    const filtered = parseContactQuery({ q: "anna", consent: "granted", tag: "vip", group: await firstGroupId() });
    const filteredRun = await medianMs(() => listContacts(db, filtered));
    report({
      bench: "contacts.table.filtered",
      value: filteredRun.ms,
      unit: "ms",
      note: "search + consent + tag + group",
    });

    // Everything the page loads besides the rows: the group list with member counts and the tag list.
    const pageRun = await medianMs(() => Promise.all([listContacts(db, first), listGroupNames(db), listTags(db)]));
    report({
      bench: "contacts.table.page",
      value: pageRun.ms,
      unit: "ms",
      note: "rows + group names + tags (cached 30 s), in parallel",
    });
    const groupsRun = await medianMs(() => listGroups(db));
    report({
      bench: "contacts.groups.list",
      value: groupsRun.ms,
      unit: "ms",
      note: "5 groups, 100k memberships, member and consented counts",
    });
  },
};

/** The keyset cursor of the row at a position in name order. */
async function nameCursorAt(position: number): Promise<string> {
  const result = await getDb().execute<{ key: string; id: string }>(
    sql`select name_key as key, id from contacts order by name_key, id offset ${position} limit 1`,
  );
  return encodeCursor(result.rows[0]!);
}

async function firstGroupId(): Promise<string> {
  const result = await getDb().execute<{ id: string }>(sql`select id from groups order by name limit 1`);
  return result.rows[0]!.id;
}
