import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groups } from "@/drizzle/schema";
import { createContact, getContact } from "@/lib/contacts/manage-contacts";
import { getDb } from "@/lib/db";
import type { CpsmsOp } from "@/lib/groups/cpsms-sync";
import { addToGroup, createGroup } from "@/lib/groups/manage-groups";
import { createContactSchema } from "@/lib/validation/contacts";
import { uniqueDkPhone, uniqueWord } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { grantConsentWithGroups, optOutFromLink, withdrawConsentWithGroups } from "./consent-with-groups";
import { isSuppressed } from "./suppression";

const consented = { state: "granted", source: "in_person", wording: "Yes" } as const;

/** Two guests in a group linked to CPSMS group 4242 (the link is set directly: no CPSMS call needed). */
async function linkedGuests(consent: typeof consented | undefined = consented) {
  const staff = await insertUser({ role: "manager" });
  const group = await createGroup(getDb(), staff, { name: uniqueWord("Linked") });
  await getDb().update(groups).set({ cpsmsGroupId: 4242 }).where(eq(groups.id, group.id));
  const [a, b] = await Promise.all(
    [0, 1].map(() =>
      createContact(getDb(), staff, createContactSchema.parse({ phone: uniqueDkPhone(), consent }), "DK"),
    ),
  );
  await addToGroup(getDb(), group.id, { ids: [a!.id, b!.id] });
  return { staff, a: a!, b: b! };
}

/** A stand-in for the CPSMS push that records the ops and answers like a CPSMS that refused `failed` of them. */
function recordingPush(failed = 0) {
  const pushed: CpsmsOp[] = [];
  const push = async (ops: CpsmsOp[]) => {
    pushed.push(...ops);
    return { pending: 0, failed, firstError: failed ? "CPSMS could not be reached." : null };
  };
  return { pushed, push };
}

describe("consent with linked CPSMS groups", () => {
  it("the public opt-out withdraws, suppresses and leaves the CPSMS group, once", async () => {
    const { a, b } = await linkedGuests();
    const { pushed, push } = recordingPush();
    await optOutFromLink(getDb(), a.optOutToken, push);
    expect(pushed).toEqual([expect.objectContaining({ cpsmsGroupId: 4242, phone: a.phone, action: "remove" })]);
    expect((await getContact(getDb(), a.id))?.consentState).toBe("withdrawn");
    expect(await isSuppressed(getDb(), a.phone)).toBe(true);
    expect((await getContact(getDb(), b.id))?.consentState).toBe("granted");

    await optOutFromLink(getDb(), a.optOutToken, push); // pressed twice: nothing more
    await optOutFromLink(getDb(), "nosuchtoken1", push);
    expect(pushed).toHaveLength(1);
  });

  it("staff withdrawal pushes only the guests whose consent changed, with a note when CPSMS refuses", async () => {
    const { staff, a, b } = await linkedGuests();
    const first = recordingPush();
    expect(await withdrawConsentWithGroups(getDb(), { ids: [a.id] }, staff.id, first.push)).toEqual({
      withdrawn: 1,
      note: null,
    });
    expect(first.pushed.map((op) => [op.phone, op.action])).toEqual([[a.phone, "remove"]]);

    const second = recordingPush(1);
    const result = await withdrawConsentWithGroups(getDb(), { ids: [a.id, b.id] }, staff.id, second.push);
    expect(result.withdrawn).toBe(1);
    expect(result.note).toMatch(/CPSMS did not take 1 change/);
    expect(second.pushed.map((op) => op.phone)).toEqual([b.phone]); // a had already left
  });

  it("granting consent adds the guest to the linked group", async () => {
    const { staff, a } = await linkedGuests(undefined);
    const { pushed, push } = recordingPush();
    await grantConsentWithGroups(
      getDb(),
      { contactId: a.id, source: "web_form", wording: "Offers please", actorId: staff.id },
      push,
    );
    expect(pushed.map((op) => [op.cpsmsGroupId, op.phone, op.action])).toEqual([[4242, a.phone, "add"]]);
    expect((await getContact(getDb(), a.id))?.consentState).toBe("granted");
  });
});
