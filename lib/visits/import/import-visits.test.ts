import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, visits } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { analyzeVisitImport, importVisitsCsv } from "./import-visits";
import { readSpend, readVisitTime } from "./visit-cells";

const settings = { defaultCountry: "DK", timeZone: "Europe/Copenhagen" };
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);

async function guest(phone = uniqueDkPhone()) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ phone, optOutToken: uniqueWord("tok") })
    .returning();
  return row!;
}

describe("visits CSV cells", () => {
  it("reads times in the restaurant's zone unless they carry an offset, and refuses dates without a time", () => {
    const at = (s: string) => {
      const r = readVisitTime(s, "Europe/Copenhagen");
      return r.ok ? r.value.toISOString() : r.reason.key;
    };
    expect(at("2026-11-20 19:30")).toBe("2026-11-20T18:30:00.000Z");
    expect(at("20-11-2026 19.30")).toBe("2026-11-20T18:30:00.000Z");
    expect(at("20/11/2026 19:30:12")).toBe("2026-11-20T18:30:00.000Z");
    expect(at("2026-07-01 12:00")).toBe("2026-07-01T10:00:00.000Z"); // summer time
    expect(at("2026-11-20T19:30:00+05:00")).toBe("2026-11-20T14:30:00.000Z");
    expect(at("2026-03-29 02:30")).toBe("Errors.dateTime.skipped");
    expect(at("20-11-2026")).toBe("Contacts.visitsImport.rows.noTime");
    expect(at("yesterday")).toBe("Contacts.visitsImport.rows.badTime");
  });

  it("reads amounts with a point or the Danish comma, and refuses what could be read two ways", () => {
    const spend = (s: string) => {
      const r = readSpend(s);
      return r.ok ? r.value : r.reason.key;
    };
    expect(spend("1249.50")).toBe("1249.50");
    expect(spend("1.249,50")).toBe("1249.50");
    expect(spend("1,249.50")).toBe("1249.50");
    expect(spend("1249,5")).toBe("1249.5");
    expect(spend("kr. 350")).toBe("350");
    expect(spend("")).toBeNull();
    expect(spend("1.250")).toBe("Contacts.visitsImport.rows.ambiguousSpend");
    expect(spend("12,34,56")).toBe("Contacts.visitsImport.rows.badSpend");
    expect(spend("-5")).toBe("Contacts.visitsImport.rows.badSpend");
  });
});

describe("visits CSV import", () => {
  it("previews each row with its reason, imports the valid ones at once, and a second import adds nothing", async () => {
    const known = await guest();
    const unknown = uniqueDkPhone();
    const receipt = uniqueWord("R");
    const file = csv([
      "phone;visited_at;party_size;spend;external_id",
      `${known.phone.slice(3)};2026-11-20 19:30;4;1.249,50;${receipt}-1`,
      `${known.phone};21-11-2026 12:00;2;;${receipt}-2`,
      `${unknown};2026-11-20 19:30;2;100;${receipt}-3`,
      `${known.phone};2026-11-20;2;100;${receipt}-4`,
      `${known.phone};2026-11-22 20:00;0;100;${receipt}-5`,
      `${known.phone};2026-11-22 20:00;3;100;${receipt}-1`,
    ]);
    const preview = await analyzeVisitImport(getDb(), file, { ...settings, fileName: "v.csv", filter: "rejected" });
    expect(preview).toMatchObject({ rows: 6, valid: 2, rejected: 4 });
    expect(preview.preview.map((r) => [r.row, r.error?.key])).toEqual([
      [4, "Contacts.visitsImport.rows.unknownGuest"],
      [5, "Contacts.visitsImport.rows.noTime"],
      [6, "Contacts.visitsImport.rows.badPartySize"],
      [7, "Contacts.visitsImport.rows.duplicate"],
    ]);
    expect(await getDb().select().from(visits).where(eq(visits.contactId, known.id))).toHaveLength(0);

    const result = await importVisitsCsv(getDb(), file, { ...settings, fileName: "v.csv", actorId: null });
    expect(result).toMatchObject({ rows: 6, imported: 2, alreadyImported: 0 });
    expect(result.rejected.map((r) => r.row)).toEqual([4, 5, 6, 7]);
    const rows = await getDb().select().from(visits).where(eq(visits.contactId, known.id));
    expect(
      rows.map((v) => [v.visitedAt.toISOString(), v.partySize, v.spendMinor, v.currency, v.source]).sort(),
    ).toEqual([
      ["2026-11-20T18:30:00.000Z", 4, 124950, "DKK", "csv"],
      ["2026-11-21T11:00:00.000Z", 2, null, null, "csv"],
    ]);
    const again = await importVisitsCsv(getDb(), file, { ...settings, fileName: "v.csv", actorId: null });
    expect(again).toMatchObject({ imported: 0, alreadyImported: 2 });
    // No guest was made from a number alone.
    expect(
      await getDb()
        .select()
        .from(contacts)
        .where(inArray(contacts.phone, [unknown])),
    ).toEqual([]);
  });

  it("refuses a file without a phone or a time column, naming it", async () => {
    await expect(analyzeVisitImport(getDb(), csv(["visited_at", "2026-11-20 19:30"]), settings)).rejects.toThrow(
      "Contacts.visitsImport.errors.noPhoneColumn",
    );
    await expect(analyzeVisitImport(getDb(), csv(["phone", uniqueDkPhone()]), settings)).rejects.toThrow(
      "Contacts.visitsImport.errors.noTimeColumn",
    );
  });
});
