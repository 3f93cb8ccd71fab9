import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, consentEvents, contacts } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addToGroup, createGroup } from "@/lib/groups/manage-groups";
import { createContactSchema } from "@/lib/validation/contacts";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { parseContactQuery } from "./contact-filter";
import { listContacts } from "./list-contacts";
import { createContact, deleteContacts, getContact, updateContact } from "./manage-contacts";

const input = (overrides: Record<string, unknown> = {}) =>
  createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "Ann", ...overrides });

describe("contacts", () => {
  it("stores the phone in E.164, the birthday as month-day, tags normalised, and who created it", async () => {
    const staff = await insertUser({ role: "staff" });
    const local = uniqueDkPhone().slice(3);
    const created = await createContact(
      getDb(),
      staff,
      input({
        phone: `${local.slice(0, 2)} ${local.slice(2, 4)} ${local.slice(4)}`,
        lastName: "Hansen",
        birthday: "03-21",
        tags: "VIP, lunch,vip",
        language: "da",
      }),
      "DK",
    );
    expect(created).toMatchObject({
      phone: `+45${local}`,
      birthdayMonth: 3,
      birthdayDay: 21,
      tags: ["vip", "lunch"],
      language: "da",
      consentState: "none",
      createdById: staff.id,
    });
    expect(created.optOutToken).toMatch(/^[A-Za-z0-9]{10}$/);
    expect((await getContact(getDb(), created.id))?.createdBy).toBe(staff.name);
  });

  it("refuses invalid numbers with the reason and a second contact for the same number", async () => {
    const staff = await insertUser({ role: "staff" });
    await expect(createContact(getDb(), staff, input({ phone: "+45 90 12 34 56" }), "DK")).rejects.toMatchObject({
      message: "Contacts.phone.notMobile",
      values: { type: "PREMIUM_RATE" },
    });
    const phone = uniqueDkPhone();
    await createContact(getDb(), staff, input({ phone, firstName: "Bo" }), "DK");
    const err = await createContact(getDb(), staff, input({ phone: `00${phone.slice(1)}` }), "DK").catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ message: "Contacts.errors.phoneTakenBy", values: { name: "Bo" } });
  });

  it("records consent given at creation in the ledger with source and wording", async () => {
    const staff = await insertUser({ role: "staff" });
    const c = await createContact(
      getDb(),
      staff,
      input({ consent: { state: "granted", source: "in_person", wording: "Yes to offers by SMS" } }),
      "DK",
    );
    expect(c.consentState).toBe("granted");
    const events = await getDb().select().from(consentEvents).where(eq(consentEvents.contactId, c.id));
    expect(events).toEqual([
      expect.objectContaining({
        state: "granted",
        source: "in_person",
        wording: "Yes to offers by SMS",
        recordedById: staff.id,
      }),
    ]);
    expect(() =>
      createContactSchema.parse({ phone: "20123456", consent: { state: "granted", source: "in_person" } }),
    ).toThrow("Contacts.validation.wordingRequired");
  });

  it("updates details and refuses to take another guest's number", async () => {
    const staff = await insertUser({ role: "staff" });
    const a = await createContact(getDb(), staff, input(), "DK");
    const b = await createContact(getDb(), staff, input(), "DK");
    await updateContact(
      getDb(),
      staff,
      {
        id: a.id,
        phone: a.phone,
        firstName: "Anne",
        lastName: "K",
        birthday: "",
        language: "",
        notes: "window",
        tags: ["x"],
      },
      "DK",
    );
    expect(await getContact(getDb(), a.id)).toMatchObject({
      firstName: "Anne",
      notes: "window",
      tags: ["x"],
      birthdayMonth: null,
    });
    await expect(
      updateContact(
        getDb(),
        staff,
        { id: a.id, phone: b.phone, firstName: "", lastName: "", birthday: "", language: "", notes: "", tags: [] },
        "DK",
      ),
    ).rejects.toThrow("Contacts.errors.phoneTaken");
  });

  it("deletes a selection and audits it", async () => {
    const manager = await insertUser({ role: "manager" });
    const a = await createContact(getDb(), manager, input(), "DK");
    const { deleted } = await deleteContacts(getDb(), manager, { ids: [a.id] });
    expect(deleted).toBe(1);
    expect(await getContact(getDb(), a.id)).toBeNull();
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, a.id));
    expect(audit.map((e) => e.action)).toEqual(["contact.delete"]);
  });
});

describe("listing contacts", () => {
  it("pages, sorts, filters by tag, consent and group, and searches by name or phone", async () => {
    const staff = await insertUser({ role: "staff" });
    const tag = uniqueWord("tag");
    const surname = uniqueWord("Zed");
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await createContact(
          getDb(),
          staff,
          input({
            firstName: `Guest${i}`,
            lastName: `${surname}${String.fromCharCode(97 + ((i * 3) % 7))}`,
            tags: [tag],
            ...(i % 2 ? { consent: { state: "granted", source: "in_person", wording: "ok" } } : {}),
          }),
          "DK",
        ),
      );
    }
    const base = parseContactQuery({ tag, size: "25" });
    const all = await listContacts(getDb(), base);
    expect(all.total).toBe(7);
    expect(all.rows[0]!.id).toBe(made[6]!.id); // newest first by default

    const byName = await listContacts(getDb(), { ...parseContactQuery({ tag, sort: "name.asc", size: "25" }) });
    const names = byName.rows.map((r) => r.lastName);
    expect(names).toEqual([...names].sort());

    const page1 = await listContacts(getDb(), { ...base, pageSize: 3 });
    const page2 = await listContacts(getDb(), { ...base, pageSize: 3, after: page1.nextCursor });
    const page3 = await listContacts(getDb(), { ...base, pageSize: 3, after: page2.nextCursor });
    expect(page3).toMatchObject({ total: 7, nextCursor: null });
    expect(page3.rows).toHaveLength(1);

    expect((await listContacts(getDb(), parseContactQuery({ tag, consent: "granted" }))).total).toBe(3);
    expect(
      (await listContacts(getDb(), parseContactQuery({ q: surname.toUpperCase().slice(0, 8) + surname.slice(8) })))
        .total,
    ).toBe(7);
    expect((await listContacts(getDb(), parseContactQuery({ q: `guest3 ${surname}` }))).rows.map((r) => r.id)).toEqual([
      made[3]!.id,
    ]);
    const digits = made[5]!.phone.slice(4);
    const byPhone = await listContacts(getDb(), parseContactQuery({ q: `${digits.slice(0, 3)} ${digits.slice(3)}` }));
    expect(byPhone.rows.map((r) => r.id)).toContain(made[5]!.id);

    const group = await createGroup(getDb(), staff, { name: uniqueWord("Group") });
    await addToGroup(getDb(), group.id, { ids: [made[0]!.id, made[1]!.id] });
    const inGroup = await listContacts(getDb(), parseContactQuery({ group: group.id }));
    expect(inGroup.rows.map((r) => r.id).sort()).toEqual([made[0]!.id, made[1]!.id].sort());
    expect(inGroup.rows[0]!.groups).toEqual([{ id: group.id, name: group.name }]);

    // "All matching the filter" selections work on the same filter.
    const { deleted } = await deleteContacts(getDb(), staff, { filter: { tag, consent: "none" } });
    expect(deleted).toBe(4);
    expect((await getDb().select().from(contacts).where(eq(contacts.id, made[1]!.id))).length).toBe(1);
  });

  it("ignores malformed URL state", () => {
    expect(parseContactQuery({ page: "-4", size: "7", sort: "evil.up", group: "x", consent: "maybe" })).toEqual({
      filter: {},
      sort: "created",
      direction: "desc",
      pageSize: 50,
      after: null,
      before: null,
      listedWith: "", // nothing malformed survives into the page links either
    });
  });
});
