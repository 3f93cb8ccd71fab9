import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, groups } from "@/drizzle/schema";
import { withdrawConsent } from "@/lib/consent/consent-ledger";
import { createContact } from "@/lib/contacts/manage-contacts";
import { getDb } from "@/lib/db";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { createContactSchema } from "@/lib/validation/contacts";
import { type CpsmsSandbox, startCpsmsSandbox } from "@/sandbox/cpsms/server";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import {
  applyCpsmsOps,
  fixGroupDrift,
  groupDrift,
  linkedGroupOps,
  linkGroupToCpsms,
  unlinkGroupFromCpsms,
} from "./cpsms-sync";
import { addToGroup, createGroup, deleteGroup, getGroup, removeFromGroup, renameGroup } from "./manage-groups";

const consented = { state: "granted", source: "in_person", wording: "Yes" } as const;

describe("groups", () => {
  it("creates, renames (names unique ignoring case), counts members, and deletes", async () => {
    const staff = await insertUser({ role: "manager" });
    const name = uniqueWord("Lunch");
    const group = await createGroup(getDb(), staff, { name });
    await expect(createGroup(getDb(), staff, { name: name.toUpperCase() })).rejects.toThrow("Groups.errors.nameTaken");
    const a = await createContact(
      getDb(),
      staff,
      createContactSchema.parse({ phone: uniqueDkPhone(), consent: consented }),
      "DK",
    );
    const b = await createContact(getDb(), staff, createContactSchema.parse({ phone: uniqueDkPhone() }), "DK");
    expect((await addToGroup(getDb(), group.id, { ids: [a.id, b.id] })).added).toBe(2);
    expect((await addToGroup(getDb(), group.id, { ids: [a.id] })).added).toBe(0);
    expect(await getGroup(getDb(), group.id)).toMatchObject({ members: 2, consented: 1 });
    await renameGroup(getDb(), staff, group.id, `${name} club`);
    expect((await getGroup(getDb(), group.id))?.name).toBe(`${name} club`);
    expect((await removeFromGroup(getDb(), group.id, { ids: [b.id] })).removed).toBe(1);
    expect(await getGroup(getDb(), group.id)).toMatchObject({ members: 1 });
    await deleteGroup(getDb(), staff, group.id);
    expect(await getGroup(getDb(), group.id)).toBeNull();
    expect(await getDb().select().from(contacts).where(eq(contacts.id, a.id))).toHaveLength(1); // guests stay
  });
});

describe("CPSMS-linked groups", () => {
  let sandbox: CpsmsSandbox;
  beforeAll(async () => {
    sandbox = await startCpsmsSandbox({});
  });
  afterAll(() => sandbox.stop());
  const client = () =>
    createCpsmsClient({ baseUrl: sandbox.url, username: "sandbox", apiKey: "sandbox-cpsms-api-key" });
  const digits = (e164: string) => e164.slice(1);

  it("links, mirrors consented members, shows drift and fixes it", async () => {
    const manager = await insertUser({ role: "manager" });
    const group = await createGroup(getDb(), manager, { name: uniqueWord("VIP") });
    const [a, b, c] = await Promise.all(
      [consented, consented, undefined].map((consent) =>
        createContact(
          getDb(),
          manager,
          createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "G", consent }),
          "DK",
        ),
      ),
    );
    await addToGroup(getDb(), group.id, { ids: [a!.id, c!.id] });

    const linked = await linkGroupToCpsms(getDb(), group.id, client());
    expect(linked).toMatchObject({ added: 1, failed: 0 }); // c has no consent: not pushed
    const cpsmsId = (await getDb().select().from(groups).where(eq(groups.id, group.id)))[0]!.cpsmsGroupId!;
    expect(cpsmsId).toBe(linked.cpsmsGroupId);
    expect((await client().listContacts(cpsmsId)).map((x) => x.phoneNumber)).toEqual([digits(a!.phone)]);
    await expect(linkGroupToCpsms(getDb(), group.id, client())).rejects.toThrow("Groups.errors.alreadyLinked");

    // Adding a member produces the CPSMS push; applying it keeps the two in step.
    const added = await addToGroup(getDb(), group.id, { ids: [b!.id] });
    expect(added.cpsmsOps).toEqual([
      expect.objectContaining({ cpsmsGroupId: cpsmsId, phone: b!.phone, action: "add" }),
    ]);
    await applyCpsmsOps(getDb(), added.cpsmsOps, client());
    expect((await groupDrift(getDb(), group.id, client())).inSync).toBe(true);

    // Withdrawn consent must leave the CPSMS group (sendgroup would reach them otherwise).
    const removeOps = await linkedGroupOps(getDb(), eq(contacts.id, a!.id), "remove");
    await withdrawConsent(getDb(), { selection: { ids: [a!.id] }, source: "staff", actorId: manager.id });
    await applyCpsmsOps(getDb(), removeOps, client());

    // Drift made behind our back: someone adds a number at CPSMS and removes one of ours.
    await client().addContact({ groupId: cpsmsId, phoneNumber: "4529999999" });
    await client().deleteContact({ groupId: cpsmsId, phoneNumber: digits(b!.phone) });
    const drift = await groupDrift(getDb(), group.id, client());
    expect(drift).toEqual({ missingAtCpsms: [b!.phone], extraAtCpsms: ["4529999999"], inSync: false });
    expect(await fixGroupDrift(getDb(), group.id, client())).toMatchObject({ added: 1, removed: 1, failed: 0 });
    expect((await groupDrift(getDb(), group.id, client())).inSync).toBe(true);

    // Removal pushes too, and unlinking empties and deletes the CPSMS group.
    const removed = await removeFromGroup(getDb(), group.id, { ids: [b!.id] });
    expect(removed.cpsmsOps).toEqual([expect.objectContaining({ action: "remove", phone: b!.phone })]);
    await applyCpsmsOps(getDb(), removed.cpsmsOps, client());
    expect(await client().listContacts(cpsmsId)).toEqual([]);
    await unlinkGroupFromCpsms(getDb(), group.id, client());
    expect((await client().listGroups()).map((g) => g.groupId)).not.toContain(cpsmsId);
  });
});
