import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, consentEvents, contacts, groupMembers } from "@/drizzle/schema";
import { withdrawConsent } from "@/lib/consent/consent-ledger";
import { getDb } from "@/lib/db";
import { createGroup } from "@/lib/groups/manage-groups";
import { createContactSchema } from "@/lib/validation/contacts";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { createContact } from "../manage-contacts";
import { analyzeContactImport, importContactsCsv } from "./import-contacts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const local = (e164: string) => `${e164.slice(3, 5)} ${e164.slice(5, 7)} ${e164.slice(7)}`;
const byPhone = async (phones: string[]) => getDb().select().from(contacts).where(inArray(contacts.phone, phones));

describe("CSV import", () => {
  it("previews a mixed file without writing anything", async () => {
    const [a, b] = [uniqueDkPhone(), uniqueDkPhone()];
    const csv = `Fornavn;Efternavn;Tlf\nAnn;Berg;${local(a)}\nBo;Ek;4.52E+09\nCy;Fo;${a}\nDi;Gu;${b}\n`;
    const analysis = await analyzeContactImport(getDb(), utf8(csv), { fileName: "g.csv", defaultCountry: "DK" });
    expect(analysis).toMatchObject({ rows: 4, valid: 2, invalid: 1, duplicates: 1, existing: 0 });
    expect(analysis.mapping).toMatchObject({ phone: 2, firstName: 0, lastName: 1 });
    expect(analysis.preview.rows[0]).toMatchObject({ row: 2, phone: a, name: "Ann Berg", error: null });
    expect(analysis.preview.rows[1]).toMatchObject({
      row: 3,
      phone: null,
      error: { key: "Contacts.import.rows.scientific" },
    });
    expect(await byPhone([a, b])).toEqual([]);
  });

  it("imports valid rows with consent, rejects the rest, and adds them to a group", async () => {
    const manager = await insertUser({ role: "manager" });
    const group = await createGroup(getDb(), manager, { name: uniqueWord("Imported") });
    const [a, b, c] = [uniqueDkPhone(), uniqueDkPhone(), uniqueDkPhone()];
    const csv = `phone,name,birthday,tags\n${a},Ann Berg,21.03.1990,VIP\n123,Bad Row,,\n${b},Bo Ek,,lunch;vip\n${a},Ann Again,,\n00${c.slice(1)},Cy,,\n`;
    const progress: number[] = [];
    const result = await importContactsCsv(getDb(), utf8(csv), {
      fileName: "guests.csv",
      defaultCountry: "DK",
      existing: "skip",
      consent: { wording: "Yes, send me offers by SMS" },
      groupId: group.id,
      actorId: manager.id,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({
      rows: 5,
      created: 3,
      updated: 0,
      skipped: 0,
      invalid: 1,
      duplicates: 1,
      consentGranted: 3,
      addedToGroup: 3,
    });
    expect(result.rejected.map((r) => r.row)).toEqual([3, 5]);
    expect(progress.at(-1)).toBe(5); // rows of the file
    const rows = await byPhone([a, b, c]);
    expect(rows.find((r) => r.phone === a)).toMatchObject({
      firstName: "Ann",
      lastName: "Berg",
      birthdayMonth: 3,
      birthdayDay: 21,
      tags: ["vip"],
      consentState: "granted",
      createdById: manager.id,
    });
    const events = await getDb()
      .select()
      .from(consentEvents)
      .where(
        inArray(
          consentEvents.contactId,
          rows.map((r) => r.id),
        ),
      );
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      state: "granted",
      source: "import",
      wording: "Yes, send me offers by SMS",
      recordedById: manager.id,
    });
    expect(await getDb().select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toHaveLength(3);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.actorId, manager.id));
    expect(audit.map((e) => e.action)).toContain("contact.import");
  });

  it("updates or skips guests already in the book, and never re-grants a withdrawn guest", async () => {
    const staff = await insertUser({ role: "staff" });
    const existing = await createContact(
      getDb(),
      staff,
      createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "Old", tags: "regular", notes: "keep" }),
      "DK",
    );
    const withdrawn = await createContact(
      getDb(),
      staff,
      createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "Gone" }),
      "DK",
    );
    await withdrawConsent(getDb(), { selection: { ids: [withdrawn.id] }, source: "staff", actorId: staff.id });
    const csv = `phone,first name,tags,notes\n${existing.phone},New,vip,\n${withdrawn.phone},Back,,\n`;

    const skipped = await importContactsCsv(getDb(), utf8(csv), {
      defaultCountry: "DK",
      existing: "skip",
      actorId: staff.id,
      consent: { wording: "ok" },
    });
    expect(skipped).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect((await byPhone([existing.phone]))[0]?.firstName).toBe("Old");

    const updated = await importContactsCsv(getDb(), utf8(csv), {
      defaultCountry: "DK",
      existing: "update",
      actorId: staff.id,
      consent: { wording: "ok" },
    });
    expect(updated).toMatchObject({ created: 0, updated: 2, consentGranted: 1, consentRefused: 1 });
    const [e] = await byPhone([existing.phone]);
    expect(e).toMatchObject({ firstName: "New", notes: "keep", tags: ["regular", "vip"], consentState: "granted" });
    const [w] = await byPhone([withdrawn.phone]);
    expect(w).toMatchObject({ firstName: "Back", consentState: "withdrawn" });
  });

  it("is all or nothing: a failure halfway leaves no rows behind", async () => {
    const phones = Array.from({ length: 6000 }, (_, i) => `+4561${String(100000 + i).padStart(6, "0")}`);
    const csv = `phone\n${phones.join("\n")}\n`;
    const err = await importContactsCsv(getDb(), utf8(csv), {
      defaultCountry: "DK",
      existing: "skip",
      actorId: null,
      onProgress: (done) => {
        if (done >= 5000) throw new Error("connection lost");
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await byPhone(phones.slice(0, 10))).toEqual([]);
  });

  it("needs wording for a consented import and refuses broken files before touching anything", async () => {
    await expect(
      importContactsCsv(getDb(), utf8(`phone\n${uniqueDkPhone()}\n`), {
        defaultCountry: "DK",
        existing: "skip",
        actorId: null,
        consent: { wording: " " },
      }),
    ).rejects.toThrow("Contacts.import.errors.wordingRequired");
    await expect(
      importContactsCsv(getDb(), new Uint8Array([0x70, 0x0a, 0xc3, 0x28]), {
        fileName: "x.csv",
        defaultCountry: "DK",
        existing: "skip",
        actorId: null,
      }),
    ).rejects.toThrow("Contacts.import.file.notUtf8");
    await expect(
      importContactsCsv(getDb(), utf8("name,notes\nAnn,hi\n"), {
        defaultCountry: "DK",
        existing: "skip",
        actorId: null,
      }),
    ).rejects.toThrow("Contacts.import.errors.noPhoneColumn");
  });
});
