import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { automation, evaluate, guest, visit } from "@/tests/support/automations";
import { holdoutResults } from "./holdout-results";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe("the holdout's results", () => {
  it("compares the 30-day visit rate of guests texted and the control group, over occasions whose 30 days are over", async () => {
    // 2029: no other test's occasions fall before this one's `now` (they are all later and count as pending).
    const thanks = automation("after_visit", { hoursAfter: 2, holdoutPercent: 50 });
    const t = new Date("2029-01-10T12:00:00Z");
    const guests = await Promise.all(Array.from({ length: 120 }, () => guest()));
    for (const g of guests) await visit(g.id, t);
    const scope = guests.map((g) => g.id);
    const out = await evaluate(thanks, new Date(t.getTime() + 2 * HOUR + 60_000), scope);
    expect(out.texted).toBeGreaterThanOrEqual(30);
    expect(out.heldOut).toBeGreaterThanOrEqual(30);
    // The provider took every text; each texted guest comes back within the 30 days, nobody in the control group.
    await getDb().execute(sql`
      update campaign_messages set status = 'delivered'
      where contact_id = any(${sql.param(scope)}::uuid[])`);
    const { rows } = await getDb().execute<{ contact_id: string; holdout: boolean }>(sql`
      select contact_id, holdout from automation_occurrences where contact_id = any(${sql.param(scope)}::uuid[])`);
    for (const r of rows) if (!r.holdout) await visit(r.contact_id, new Date(t.getTime() + 10 * DAY));

    const early = await holdoutResults(getDb(), "after_visit", new Date("2029-02-01T00:00:00Z"));
    expect(early.texted.guests).toBe(0); // their 30 days are not over: pending, not counted
    expect(early.pending).toBeGreaterThanOrEqual(120);

    const results = await holdoutResults(getDb(), "after_visit", new Date("2029-03-01T00:00:00Z"));
    expect(results.texted).toEqual({ guests: out.texted, visited: out.texted });
    expect(results.control).toEqual({ guests: out.heldOut, visited: 0 });
    expect(results.difference?.difference).toBe(1);
    expect(results.difference?.low).toBeGreaterThan(0.8);
    expect(results.difference?.high).toBeLessThanOrEqual(1);
  });
});
