import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { automationOccurrences, campaignMessages } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { automation, evaluate, guest, visit } from "@/tests/support/automations";
import { holdoutBucket } from "./holdout";

describe("the holdout", () => {
  it("keeps the share it is told, decided per occurrence as md5 says, recorded and never texted", async () => {
    const thanks = automation("after_visit", { hoursAfter: 1, holdoutPercent: 50 });
    const t = new Date("2031-09-01T12:00:00Z");
    const guests = await Promise.all(Array.from({ length: 40 }, () => guest()));
    for (const g of guests) await visit(g.id, t);
    const scope = guests.map((g) => g.id);
    const out = await evaluate(thanks, new Date(t.getTime() + 3600_000 + 60_000), scope);
    const rows = await getDb()
      .select()
      .from(automationOccurrences)
      .where(inArray(automationOccurrences.contactId, scope));
    expect(rows).toHaveLength(40);
    expect(out.heldOut + out.texted).toBe(40);
    for (const r of rows) {
      expect(r.holdout).toBe(holdoutBucket("after_visit", r.contactId, r.occurrenceKey) < 50);
      expect(r.campaignId === null).toBe(r.holdout);
    }
    const held = rows.filter((r) => r.holdout).map((r) => r.contactId);
    expect(held.length).toBe(out.heldOut);
    expect(held.length).toBeGreaterThan(5); // 40 fair coins: fewer than 6 heads is a 1-in-10⁶ event
    const texted = await getDb()
      .select({ contactId: campaignMessages.contactId })
      .from(campaignMessages)
      .where(inArray(campaignMessages.contactId, scope));
    expect(texted.map((r) => r.contactId).filter((id) => held.includes(id!))).toEqual([]);
    expect(texted).toHaveLength(40 - held.length);
    // Run again (a retry, another instance): same groups, nothing more.
    const again = await evaluate(thanks, new Date(t.getTime() + 3600_000 + 120_000), scope);
    expect(again).toMatchObject({ texted: 0, heldOut: 0 });
  });

  it("buckets are stable and spread over 0–99", () => {
    expect(holdoutBucket("birthday", "00000000-0000-0000-0000-000000000001", "2031")).toBe(
      holdoutBucket("birthday", "00000000-0000-0000-0000-000000000001", "2031"),
    );
    const buckets = Array.from({ length: 2000 }, (_, i) => holdoutBucket("winback", `guest-${i}`, "lapse:x"));
    const under10 = buckets.filter((b) => b < 10).length;
    expect(under10).toBeGreaterThan(140);
    expect(under10).toBeLessThan(260);
  });
});
