import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type SignupStatus, signupScans, signupSources, signups } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { uniqueWord } from "@/tests/support/contacts";
import { DIRECT_SCAN_KEY } from "./scan-keys";
import { signupStats } from "./signup-stats";

const TZ = "Europe/Copenhagen";
// Noon on the day DST starts in Copenhagen (Sun 27 Mar 2033), a month no other test writes sign-ups in. The
// period runs from local midnight 26 Feb (23:00 UTC the day before, winter time) to local midnight 28 Mar
// (22:00 UTC, summer time).
const NOW = new Date("2033-03-27T10:00:00Z");
const FIRST_INSTANT = new Date("2033-02-25T23:00:00Z");
const END_INSTANT = new Date("2033-03-27T22:00:00Z");

async function source(name: string, archived = false) {
  const [row] = await getDb()
    .insert(signupSources)
    .values({ name, slug: uniqueWord("s"), archivedAt: archived ? new Date("2033-03-01T00:00:00Z") : null })
    .returning({ id: signupSources.id });
  return row!.id;
}

async function signUp(sourceId: string | null, status: SignupStatus, createdAt: Date) {
  await getDb()
    .insert(signups)
    .values({
      sourceId,
      phoneHash: randomBytes(32).toString("hex"),
      callingCode: "+45",
      language: "da",
      wording: "Ja tak",
      status,
      clientKey: randomBytes(16).toString("hex"),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 48 * 3_600_000),
      confirmedAt: status === "confirmed" ? createdAt : null,
    });
}

const scan = (sourceKey: string, day: string, scans: number) =>
  getDb().insert(signupScans).values({ sourceKey, day, scans });

describe("sign-up figures per source", () => {
  it("counts scans, sign-ups and confirmations per source over the restaurant's last 30 days", async () => {
    const tent = await source(uniqueWord("Tent "));
    const winter = await source(uniqueWord("Winter "), true);
    const summer = await source(uniqueWord("Summer "), true);
    const fresh = await source(uniqueWord("Receipt "));

    await signUp(tent, "confirmed", FIRST_INSTANT); // the period's first instant
    await signUp(tent, "pending", new Date(FIRST_INSTANT.getTime() - 1000)); // a second before it
    await signUp(tent, "confirmed", new Date(END_INSTANT.getTime() - 1000)); // 23:59:59 today, local
    await signUp(tent, "confirmed", END_INSTANT); // tomorrow, local
    await signUp(tent, "pending", new Date("2033-03-20T12:00:00Z"));
    await signUp(tent, "capped", new Date("2033-03-20T12:00:00Z"));
    await signUp(tent, "expired", new Date("2033-03-01T12:00:00Z"));
    await signUp(winter, "confirmed", new Date("2033-03-10T12:00:00Z"));
    await signUp(summer, "confirmed", new Date("2033-01-10T12:00:00Z")); // archived, nothing in the period
    await signUp(null, "confirmed", new Date("2033-03-02T12:00:00Z"));
    await signUp(null, "expired", new Date("2033-03-03T12:00:00Z"));

    await scan(tent, "2033-02-25", 7); // the day before the period
    await scan(tent, "2033-02-26", 5); // its first day
    await scan(tent, "2033-03-27", 3); // today
    await scan(tent, "2033-03-28", 11); // tomorrow
    await scan(winter, "2033-03-10", 2);
    await scan(DIRECT_SCAN_KEY, "2033-03-01", 4);

    const stats = await signupStats(getDb(), TZ, NOW);
    expect(stats.since).toEqual(FIRST_INSTANT);
    expect(stats.anySignups).toBe(true);
    const row = (key: string) => stats.rows.find((r) => r.key === key);
    expect(row(tent)).toMatchObject({ kind: "source", archived: false, scans: 8, signups: 5, confirmed: 2 });
    expect(row(tent)).toMatchObject({ pending: 1, capped: 1, rate: 0.4 });
    expect(row(winter)).toMatchObject({ archived: true, scans: 2, signups: 1, confirmed: 1, rate: 1 });
    expect(row(summer)).toBeUndefined();
    expect(row(fresh)).toMatchObject({ scans: 0, signups: 0, confirmed: 0, rate: null });
    expect(row(DIRECT_SCAN_KEY)).toMatchObject({ kind: "direct", scans: 4, signups: 2, confirmed: 1, rate: 0.5 });
    // Sources with the most sign-ups first; the plain /join last.
    expect(stats.rows.at(-1)?.key).toBe(DIRECT_SCAN_KEY);
    expect(stats.rows.findIndex((r) => r.key === tent)).toBeLessThan(stats.rows.findIndex((r) => r.key === winter));
    // Nobody else signs up in 2033: the totals are these.
    expect(stats.totals).toEqual({ scans: 14, signups: 8, confirmed: 4, pending: 1, capped: 1, rate: 0.5 });
  });

  it("a source's figures outlive the source: counted apart, not lost", async () => {
    const gone = crypto.randomUUID();
    await scan(gone, "2034-06-01", 9);
    const stats = await signupStats(getDb(), TZ, new Date("2034-06-02T10:00:00Z"));
    expect(stats.rows.find((r) => r.key === gone)).toMatchObject({ kind: "removed", name: null, scans: 9 });
  });
});
