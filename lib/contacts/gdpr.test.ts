import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, campaignMessages, consentEvents, contacts, groupMembers } from "@/drizzle/schema";
import { isSuppressed } from "@/lib/consent/suppression";
import { getDb } from "@/lib/db";
import { addToGroup, createGroup } from "@/lib/groups/manage-groups";
import { createContactSchema } from "@/lib/validation/contacts";
import { quickCampaign } from "@/tests/support/campaigns";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { eraseContact, exportGuestData } from "./gdpr";
import { createContact } from "./manage-contacts";

describe("GDPR", () => {
  it("exports everything about a guest and erases them, keeping only the suppression hash", async () => {
    const owner = await insertUser({ role: "owner" });
    const phone = uniqueDkPhone();
    const other = uniqueDkPhone();
    const contact = await createContact(
      getDb(),
      owner,
      createContactSchema.parse({
        phone,
        firstName: "Åse",
        consent: { state: "granted", source: "in_person", wording: "Yes" },
      }),
      "DK",
    );
    const group = await createGroup(getDb(), owner, { name: uniqueWord("Regulars") });
    await addToGroup(getDb(), group.id, { ids: [contact.id] });
    const campaign = await quickCampaign("cpsms", [phone, other], { template: "Hej Åse" });

    const data = await exportGuestData(getDb(), owner, contact.id);
    expect(data.contact).toMatchObject({ phone, firstName: "Åse", consentState: "granted" });
    expect(data.contact).not.toHaveProperty("optOutToken");
    expect(data.consentLedger).toEqual([
      expect.objectContaining({ state: "granted", source: "in_person", wording: "Yes" }),
    ]);
    expect(data.groups).toEqual([expect.objectContaining({ name: group.name })]);
    expect(data.messages).toEqual([expect.objectContaining({ campaign: "Friday happy hour", body: "Hej Åse" })]);

    await eraseContact(getDb(), owner, contact.id);
    expect(await getDb().select().from(contacts).where(eq(contacts.id, contact.id))).toEqual([]);
    expect(await getDb().select().from(consentEvents).where(eq(consentEvents.contactId, contact.id))).toEqual([]);
    expect(await getDb().select().from(groupMembers).where(eq(groupMembers.contactId, contact.id))).toEqual([]);
    expect(await isSuppressed(getDb(), phone)).toBe(true);
    const messages = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaign.id));
    expect(messages.map((m) => m.phone).sort()).toEqual([other, expect.stringMatching(/^erased-\d+$/)].sort());
    expect(messages.find((m) => m.phone.startsWith("erased"))).toMatchObject({ body: "(erased)", contactId: null });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, contact.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["contact.gdpr_erase", "contact.gdpr_export"]);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });
});

describe("CSV export", () => {
  it("exports guests of a group with consent status, groups and suppression, formula cells defused", async () => {
    const { exportContactsCsv } = await import("./export-contacts");
    const { withdrawConsent } = await import("@/lib/consent/consent-ledger");
    const owner = await insertUser({ role: "owner" });
    const group = await createGroup(getDb(), owner, { name: uniqueWord("Export") });
    const a = await createContact(
      getDb(),
      owner,
      createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "=cmd()", birthday: "03-21", tags: "vip" }),
      "DK",
    );
    const b = await createContact(
      getDb(),
      owner,
      createContactSchema.parse({ phone: uniqueDkPhone(), firstName: "Bo", lastName: "-2+3+cmd|' /C calc'!A0" }),
      "DK",
    );
    await addToGroup(getDb(), group.id, { ids: [a.id, b.id] });
    await withdrawConsent(getDb(), { selection: { ids: [b.id] }, source: "staff", actorId: owner.id });
    let csv = "";
    for await (const chunk of exportContactsCsv(getDb(), { groupId: group.id })) csv += chunk;
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Phone,First name,Last name,Birthday (MM-DD),Language,Tags,Groups,Marketing consent,Consent changed,Suppressed,Added",
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(a.phone))).toMatch(
      new RegExp(`^\\${a.phone},'=cmd\\(\\),,03-21,,vip,${group.name},none,,no,`),
    );
    expect(lines.find((l) => l.startsWith(b.phone))).toMatch(/,withdrawn,\d{4}-.*,yes,/);
    // Issue #14: +/- followed by a digit used to pass as a "number"; the phone column stays as written.
    expect(lines.find((l) => l.startsWith(b.phone))).toContain(`${b.phone},Bo,'-2+3+cmd|' /C calc'!A0,`);
  });
});
