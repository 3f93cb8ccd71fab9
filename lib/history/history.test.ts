import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts } from "@/drizzle/schema";
import { csvCell } from "@/lib/contacts/csv-cell";
import { getDb } from "@/lib/db";
import { phoneNumbers, quickCampaign } from "@/tests/support/campaigns";
import { historyCsvStream } from "./export-csv";
import { dateRange, parseHistoryFilters, searchTerm } from "./filters";
import { listHistory } from "./list-history";
import { getHistoryMessage } from "./message-detail";

const TZ = "Europe/Copenhagen";

async function seed() {
  const db = getDb();
  const tag = randomBytes(3).toString("hex");
  const [guest] = await db
    .insert(contacts)
    .values({
      phone: `+4529${String(Date.now()).slice(-6)}`,
      firstName: "Åse",
      lastName: `Jensen${tag}`,
      optOutToken: `t-${tag}`,
    })
    .returning();
  const phones = phoneNumbers("cpsms", 120, 40_000 + Math.floor(Math.random() * 900_000));
  const campaign = await quickCampaign("cpsms", phones, { sender: `Cafe${tag}`.slice(0, 11) });
  // Spread over time: message i went out i hours ago; a few failed; one belongs to the guest.
  await db.execute(sql`update campaign_messages m set sent_at = now() - (x.rn || ' hours')::interval,
      status = case when x.rn % 10 = 0 then 'undelivered' else 'delivered' end,
      error_message = case when x.rn % 10 = 0 then 'The operator could not deliver it.' end, cost = 1
    from (select id, row_number() over (order by id) - 1 as rn from campaign_messages where campaign_id = ${campaign.id}) x
    where m.id = x.id`);
  await db.execute(sql`update campaign_messages set contact_id = ${guest!.id}
    where id = (select min(id) from campaign_messages where campaign_id = ${campaign.id})`);
  return { campaign, phones, guest: guest!, tag };
}

describe("history filters from the URL", () => {
  it("keeps valid values and drops malformed ones", () => {
    expect(
      parseHistoryFilters({
        provider: "cpsms",
        state: "failed",
        from: "2026-11-01",
        to: "nope",
        campaign: "x",
        q: " 2012 ",
      }),
    ).toEqual({
      provider: "cpsms",
      state: "failed",
      from: "2026-11-01",
      q: "2012",
    });
  });
  it("reads days in the restaurant's time zone, DST included", () => {
    const { since, until } = dateRange({ from: "2026-10-25", to: "2026-10-25" }, TZ);
    expect(since?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(until?.toISOString()).toBe("2026-10-25T23:00:00.000Z"); // 25 hours: the clocks went back
  });
  it("treats digits as a phone number and letters as a name", () => {
    expect(searchTerm("0300 123 4567")).toEqual({ kind: "phone", digits: "3001234567" });
    expect(searchTerm("+45 20 12")).toEqual({ kind: "phone", digits: "452012" });
    expect(searchTerm("Åse")).toEqual({ kind: "name", text: "Åse" });
    expect(searchTerm("12")).toEqual({ kind: "none" });
  });
});

describe("history listing", () => {
  it("pages by keyset newest first, forward and back, without gaps or repeats", async () => {
    const { campaign } = await seed();
    const filters = { campaignId: campaign.id };
    const seen: number[] = [];
    let page = await listHistory(getDb(), filters, { timeZone: TZ, limit: 50 });
    expect(page.newerCursor).toBeNull();
    const pages = [page];
    while (page.olderCursor) {
      page = await listHistory(getDb(), filters, { timeZone: TZ, limit: 50, after: page.olderCursor });
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.rows.map((r) => r.id));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    const times = pages.flatMap((p) => p.rows.map((r) => r.listedAt.getTime()));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Back from the last page gives exactly the middle page again.
    const back = await listHistory(getDb(), filters, { timeZone: TZ, limit: 50, before: pages[2]!.newerCursor });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.newerCursor).not.toBeNull();
    expect(back.olderCursor).not.toBeNull();
    const first = await listHistory(getDb(), filters, { timeZone: TZ, limit: 50, before: back.newerCursor });
    expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(first.newerCursor).toBeNull();
  });

  it("filters by status, provider, sender and date range; searches phone and guest name", async () => {
    const { campaign, phones, guest, tag } = await seed();
    const db = getDb();
    const failed = await listHistory(db, { campaignId: campaign.id, state: "failed" }, { timeZone: TZ, limit: 200 });
    expect(failed.rows).toHaveLength(12);
    expect(failed.rows.every((r) => r.status === "undelivered" && r.reason)).toBe(true);
    expect(
      (await listHistory(db, { campaignId: campaign.id, provider: "smsapp" }, { timeZone: TZ })).rows,
    ).toHaveLength(0);
    expect(
      (await listHistory(db, { sender: `Cafe${tag}`.slice(0, 11) }, { timeZone: TZ, limit: 200 })).rows,
    ).toHaveLength(120);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date());
    const todays = await listHistory(
      db,
      { campaignId: campaign.id, from: today, to: today },
      { timeZone: TZ, limit: 200 },
    );
    expect(todays.rows.length).toBeGreaterThan(0);
    expect(todays.rows.length).toBeLessThan(120);
    const byPhone = await listHistory(db, { q: phones[7]!.slice(3) }, { timeZone: TZ });
    expect(byPhone.rows.map((r) => r.phone)).toContain(phones[7]);
    const byName = await listHistory(db, { q: `åse jensen${tag}` }, { timeZone: TZ });
    expect(byName.rows).toHaveLength(1);
    expect(byName.rows[0]).toMatchObject({ contactId: guest.id, contactName: `Åse Jensen${tag}` });
  });

  it("shows one message with its timeline", async () => {
    const { campaign } = await seed();
    const [row] = (await listHistory(getDb(), { campaignId: campaign.id }, { timeZone: TZ, limit: 1 })).rows;
    await getDb().execute(
      sql`insert into message_events (message_id, status, source, detail) values (${row!.id}, 'delivered', 'dlr', null)`,
    );
    const detail = await getHistoryMessage(getDb(), row!.id);
    expect(detail?.campaign.id).toBe(campaign.id);
    expect(detail?.events.map((e) => e.source)).toEqual(["dlr"]);
    expect(await getHistoryMessage(getDb(), -1)).toBeNull();
  });

  it("exports the same filters as CSV, streamed, with formulas neutralised", async () => {
    const { campaign } = await seed();
    await getDb().execute(
      sql`update campaign_messages set body = ${"-2+3+cmd|' /C calc'!A0"} where campaign_id = ${campaign.id}`,
    );
    const bytes = new Uint8Array(
      await new Response(historyCsvStream(getDb(), { campaignId: campaign.id, state: "failed" }, TZ)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read it as UTF-8
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toMatch(/^Message id,Time,Campaign/);
    expect(lines).toHaveLength(13);
    expect(lines[1]).toContain("Failed,undelivered");
    expect(lines[1]).toMatch(/,\+\d+,/); // the phone as written, no apostrophe
    expect(lines[1]!.endsWith(",'-2+3+cmd|' /C calc'!A0")).toBe(true);
    expect(csvCell("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvCell("+4520123456")).toBe("+4520123456");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });
});
