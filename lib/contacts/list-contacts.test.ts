import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { encodeCursor } from "@/lib/paging/keyset";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { parseContactQuery } from "./contact-filter";
import { type ContactListQuery, listContacts } from "./list-contacts";

/** 23 guests under one tag: every one added in the same microsecond and most sharing one name (equal sort keys). */
async function seed() {
  const tag = uniqueWord("k").toLowerCase();
  const rows = Array.from({ length: 23 }, (_, i) => ({
    phone: uniqueDkPhone(),
    firstName: i % 5 === 0 ? `Zed${i}` : "Anna",
    lastName: "Same",
    tags: [tag],
    consentState: i % 3 === 0 ? ("granted" as const) : ("none" as const),
    optOutToken: uniqueWord("o"),
    createdAt: new Date("2026-01-02T03:04:05.678Z"),
  }));
  await getDb().insert(contacts).values(rows);
  return tag;
}

/** Walks every page forward from the first, then back from the last; returns the ids in display order. */
async function walk(query: ContactListQuery) {
  const forward: string[][] = [];
  let page = await listContacts(getDb(), query);
  expect(page.prevCursor).toBeNull();
  forward.push(page.rows.map((r) => r.id));
  while (page.nextCursor) {
    page = await listContacts(getDb(), { ...query, after: page.nextCursor });
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [page.rows.map((r) => r.id)];
  while (page.prevCursor) {
    page = await listContacts(getDb(), { ...query, after: null, before: page.prevCursor });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward };
}

describe("contacts paging by keyset", () => {
  for (const sort of ["created.desc", "created.asc", "name.asc", "name.desc", "phone.asc", "phone.desc"]) {
    it(`${sort}: every guest once, in one stable order, forward and back, with equal sort keys`, async () => {
      const tag = await seed();
      const query = { ...parseContactQuery({ tag, sort }), pageSize: 5 };
      const { forward, backward } = await walk(query);
      const ids = forward.flat();
      expect(forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(new Set(ids).size).toBe(23);
      expect(backward).toEqual(forward);
      // The same order as one query over everything (the id breaks ties).
      const all = await listContacts(getDb(), { ...query, pageSize: 100 });
      expect(all.rows.map((r) => r.id)).toEqual(ids);
      expect(all).toMatchObject({ total: 23, nextCursor: null, prevCursor: null });
    });
  }

  it("keeps filters across pages: the cursor never widens the filter", async () => {
    const tag = await seed();
    const query = { ...parseContactQuery({ tag, consent: "granted", sort: "name.asc" }), pageSize: 3 };
    const { forward } = await walk(query);
    expect(forward.map((p) => p.length)).toEqual([3, 3, 2]);
    const rows = await getDb().execute<{ id: string; consent_state: string; tags: string[] }>(
      sql`select id, consent_state, tags from contacts where id = any(${sql.param(forward.flat())}::uuid[])`,
    );
    expect(rows.rows.every((r) => r.consent_state === "granted" && r.tags.includes(tag))).toBe(true);
  });

  it("ignores a forged or malformed cursor (first page, no error)", async () => {
    const tag = await seed();
    const base = { ...parseContactQuery({ tag }), pageSize: 5 };
    const first = await listContacts(getDb(), base);
    for (const after of [
      "garbage",
      encodeCursor({ key: "99999999999999999999", id: first.rows[0]!.id }),
      encodeCursor({ key: "1", id: "not-a-uuid" }),
    ]) {
      const page = await listContacts(getDb(), { ...base, after });
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });
});
