import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { ORIGINS_OF_KIND } from "./campaign-origin";
import { listCampaignMessages } from "./list-campaign-messages";
import { listCampaigns } from "./list-campaigns";

type Page = { rows: { id: string | number }[]; nextCursor: string | null; prevCursor: string | null };

/** Walks forward `pages` pages from the first, then back to the first; returns the ids of each page both ways. */
async function walk(read: (position: { after?: string | null; before?: string | null }) => Promise<Page>, pages = 99) {
  const forward: (string | number)[][] = [];
  let page = await read({});
  expect(page.prevCursor).toBeNull();
  forward.push(page.rows.map((r) => r.id));
  while (page.nextCursor && forward.length < pages) {
    page = await read({ after: page.nextCursor });
    forward.push(page.rows.map((r) => r.id));
  }
  const backward = [page.rows.map((r) => r.id)];
  while (page.prevCursor) {
    page = await read({ before: page.prevCursor });
    backward.unshift(page.rows.map((r) => r.id));
  }
  return { forward, backward };
}

describe("campaigns list by keyset (no cap)", () => {
  it("pages newest first without skipping or repeating campaigns created in the same microsecond", async () => {
    const made = [];
    for (let i = 0; i < 7; i++)
      made.push(await quickCampaign("cpsms", phoneNumbers("cpsms", 1, randomInt(0, 8_000_000))));
    // Later than anything else in the shared test database (and later than earlier runs), all at one instant.
    const at = new Date(Date.UTC(2200, 0, 1) + Date.now()).toISOString();
    await getDb().execute(
      sql`update campaigns set created_at = ${at}::timestamptz where id = any(${sql.param(made.map((c) => c.id))}::uuid[])`,
    );
    const { forward, backward } = await walk((position) => listCampaigns(getDb(), { ...position, pageSize: 3 }), 3);
    // Other tests' campaigns may follow ours in the shared database.
    expect(forward.slice(0, 2).map((p) => p.length)).toEqual([3, 3]);
    expect(forward[2]!.length).toBeGreaterThanOrEqual(1);
    const mine = forward.flat().slice(0, 7);
    expect([...mine].sort()).toEqual(made.map((c) => c.id).sort());
    expect(mine).toEqual([...mine].sort().reverse()); // ties broken by id, the same way on every page
    expect(new Set(forward.flat()).size).toBe(forward.flat().length);
    expect(backward).toEqual(forward);
    const first = await listCampaigns(getDb(), { pageSize: 3 });
    expect(first.rows[0]).toMatchObject({ id: mine[0], counts: { queued: 1 } });
  });
});

describe("campaigns list by origin", () => {
  it("lists staff campaigns by default and the sign-up texts apart, each paged by keyset with equal sort keys", async () => {
    const origins = [
      "compose",
      "signup_confirmation",
      "welcome",
      "compose",
      "signup_confirmation",
      "compose",
      "welcome",
      "signup_confirmation",
      "compose",
    ] as const;
    const made: { id: string; origin: (typeof origins)[number] }[] = [];
    for (const origin of origins) {
      const campaign = await quickCampaign("cpsms", phoneNumbers("cpsms", 1, randomInt(0, 8_000_000)));
      await getDb().execute(sql`update campaigns set origin = ${origin} where id = ${campaign.id}`);
      made.push({ id: campaign.id, origin });
    }
    // Later than the other test's campaigns (and anyone else's), all at one instant, before 2286 (a cursor's 16 digits).
    const at = new Date(Date.UTC(2210, 0, 1) + Date.now()).toISOString();
    await getDb().execute(
      sql`update campaigns set created_at = ${at}::timestamptz where id = any(${sql.param(made.map((c) => c.id))}::uuid[])`,
    );
    const ids = (kind: "compose" | "signup") =>
      made
        .filter((c) => (kind === "compose" ? c.origin === "compose" : c.origin !== "compose"))
        .map((c) => c.id)
        .sort()
        .reverse();

    // By default: the staff's, ties broken by id the same way on every page, forward and back.
    const staff = await walk((position) => listCampaigns(getDb(), { ...position, pageSize: 3 }), 2);
    expect(staff.forward.flat().slice(0, 4)).toEqual(ids("compose"));
    expect(new Set(staff.forward.flat()).size).toBe(staff.forward.flat().length);
    expect(staff.backward).toEqual(staff.forward);

    // The sign-up texts, asked for: only those, in the same order, the filter kept across pages.
    const read = (position: { after?: string | null; before?: string | null }) =>
      listCampaigns(getDb(), { ...position, pageSize: 2, origins: ORIGINS_OF_KIND.signup });
    const signup = await walk(read, 3);
    expect(signup.forward.flat().slice(0, 5)).toEqual(ids("signup"));
    expect(signup.backward).toEqual(signup.forward);
    const first = await read({});
    expect(first.rows.map((r) => r.origin).every((o) => o !== "compose")).toBe(true);
    // A staff page's cursor used with the sign-up filter still lists sign-up texts only.
    const staffFirst = await listCampaigns(getDb(), { pageSize: 2 });
    const mixed = await read({ after: staffFirst.nextCursor });
    expect(mixed.rows.every((r) => r.origin !== "compose")).toBe(true);
  });
});

describe("campaign recipients by keyset", () => {
  it("pages every recipient once, forward and back, and keeps the status filter across pages", async () => {
    const campaign = await quickCampaign("smsapp", phoneNumbers("smsapp", 23, randomInt(0, 8_000_000)));
    await getDb().execute(sql`update campaign_messages set status = 'delivered'
      where id in (select id from campaign_messages where campaign_id = ${campaign.id} order by id limit 12)`);
    const read = (state?: "delivered") => (position: { after?: string | null; before?: string | null }) =>
      listCampaignMessages(getDb(), campaign.id, { ...position, state, pageSize: 5 });

    const all = await walk(read());
    expect(all.forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const ids = all.forward.flat() as number[];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(23);
    expect(all.backward).toEqual(all.forward);

    const delivered = await walk(read("delivered"));
    expect(delivered.forward.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(delivered.backward).toEqual(delivered.forward);
    const page = await listCampaignMessages(getDb(), campaign.id, { state: "delivered", pageSize: 5 });
    expect(page.total).toBe(12);
    expect(page.rows.every((r) => r.status === "delivered")).toBe(true);
  });
});
