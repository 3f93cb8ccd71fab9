import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consentEvents, suppressions } from "@/drizzle/schema";
import { createContact, getContact } from "@/lib/contacts/manage-contacts";
import { getDb } from "@/lib/db";
import { createContactSchema } from "@/lib/validation/contacts";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { consentHistory, grantConsent, withdrawConsent } from "./consent-ledger";
import { findOptOut, optOutByToken } from "./opt-out";
import { hashPhone } from "./phone-hash";
import { isSuppressed, suppressionsFor } from "./suppression";

async function guest(consented = false) {
  const staff = await insertUser({ role: "staff" });
  const contact = await createContact(
    getDb(),
    staff,
    createContactSchema.parse({
      phone: uniqueDkPhone(),
      ...(consented ? { consent: { state: "granted", source: "in_person", wording: "Yes please" } } : {}),
    }),
    "DK",
  );
  return { staff, contact };
}

describe("consent ledger and suppression", () => {
  it("grants with proof, withdraws into the suppression list, and keeps the whole history", async () => {
    const { staff, contact } = await guest();
    await grantConsent(getDb(), {
      contactId: contact.id,
      source: "web_form",
      wording: "Send me offers",
      actorId: staff.id,
    });
    expect((await getContact(getDb(), contact.id))?.consentState).toBe("granted");
    expect(await isSuppressed(getDb(), contact.phone)).toBe(false);

    const changed = await withdrawConsent(getDb(), {
      selection: { ids: [contact.id] },
      source: "staff",
      actorId: staff.id,
    });
    expect(changed.map((c) => c.id)).toEqual([contact.id]);
    expect(await getContact(getDb(), contact.id)).toMatchObject({ consentState: "withdrawn", suppressed: true });
    const [row] = await getDb()
      .select()
      .from(suppressions)
      .where(eq(suppressions.phoneHash, hashPhone(contact.phone)));
    expect(row?.source).toBe("staff");

    // Withdrawing again records nothing new.
    expect(
      await withdrawConsent(getDb(), { selection: { ids: [contact.id] }, source: "staff", actorId: staff.id }),
    ).toEqual([]);
    const history = await consentHistory(getDb(), contact.id);
    expect(history.map((h) => [h.state, h.source, h.recordedBy])).toEqual([
      ["granted", "web_form", staff.name],
      ["withdrawn", "staff", staff.name],
    ]);

    // A new, explicit grant lifts the suppression.
    await grantConsent(getDb(), {
      contactId: contact.id,
      source: "in_person",
      wording: "Yes again",
      actorId: staff.id,
    });
    expect(await isSuppressed(getDb(), contact.phone)).toBe(false);
  });

  it("refuses a grant without wording", async () => {
    const { staff, contact } = await guest();
    await expect(
      grantConsent(getDb(), { contactId: contact.id, source: "in_person", wording: "  ", actorId: staff.id }),
    ).rejects.toThrow(/wording/);
    expect(await getDb().select().from(consentEvents).where(eq(consentEvents.contactId, contact.id))).toEqual([]);
  });

  it("opts out through the public token: idempotent, no staff member, unknown tokens refused", async () => {
    const { contact } = await guest(true);
    expect(await findOptOut(getDb(), contact.optOutToken)).toEqual({
      contactId: contact.id,
      withdrawn: false,
      language: null,
    });
    expect(await optOutByToken(getDb(), contact.optOutToken)).toBe(true);
    expect(await optOutByToken(getDb(), contact.optOutToken)).toBe(true);
    const history = await consentHistory(getDb(), contact.id);
    expect(history.map((h) => [h.state, h.source, h.recordedBy])).toEqual([
      ["granted", "in_person", expect.any(String)],
      ["withdrawn", "opt_out_link", null],
    ]);
    expect(await isSuppressed(getDb(), contact.phone)).toBe(true);
    expect(await optOutByToken(getDb(), "nosuchtoken1")).toBe(false);
    expect(await findOptOut(getDb(), "../../etc")).toBeNull();
  });

  it("answers suppression for many numbers at once", async () => {
    const a = await guest(true);
    const b = await guest(true);
    await optOutByToken(getDb(), a.contact.optOutToken);
    const set = await suppressionsFor(getDb(), [a.contact.phone, b.contact.phone, "+4599999999"]);
    expect([...set]).toEqual([a.contact.phone]);
  });
});
