import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignMessages, contacts } from "@/drizzle/schema";
import { withdrawConsent } from "@/lib/consent/consent-ledger";
import { optOutByToken } from "@/lib/consent/opt-out";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { suppressPhones } from "@/lib/consent/suppression";
import { eraseContact } from "@/lib/contacts/gdpr";
import { importContactsCsv } from "@/lib/contacts/import/import-contacts";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { phoneNumbers, quickCampaign, sandboxSessions, statusCounts } from "@/tests/support/campaigns";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { insertUser } from "@/tests/support/factories";
import { dispatchCampaign } from "./dispatch-campaign";
import { getCampaign } from "./list-campaigns";
import { stopHeldMessages } from "./stop-held-messages";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { credit: 100_000 }, smsapp: { balance: 100_000 } });
});
afterAll(async () => {
  await sandboxes.stop();
  await stopBoss();
});
beforeEach(() => {
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
});

const sessions = () => sandboxSessions(sandboxes);
const options = () => ({ sessions: sessions(), sleep: async () => {} });
let offset = 40_000;

/** Guests with marketing consent, in the guest book, with their numbers. */
async function guests(provider: "cpsms" | "smsapp", n: number) {
  offset += 100;
  // Danish numbers the guest book itself accepts (+45 26xxxxxx), since the import test reads them like a CSV.
  const phones =
    provider === "cpsms" ? Array.from({ length: n }, () => uniqueDkPhone()) : phoneNumbers(provider, n, offset);
  return getDb()
    .insert(contacts)
    .values(
      phones.map((phone) => ({
        phone,
        firstName: "Guest",
        consentState: "granted" as const,
        optOutToken: newOptOutToken(),
      })),
    )
    .returning();
}

async function campaignTo(list: { id: string; phone: string }[], overrides: Parameters<typeof quickCampaign>[2] = {}) {
  const provider = list[0]!.phone.startsWith("+45") ? "cpsms" : "smsapp";
  const campaign = await quickCampaign(
    provider,
    list.map((g) => g.phone),
    overrides,
  );
  // quickCampaign writes pasted numbers; tie the rows to the guests like compose does.
  for (const g of list) {
    await getDb().update(campaignMessages).set({ contactId: g.id }).where(eq(campaignMessages.phone, g.phone));
  }
  return campaign;
}

async function rowOf(campaignId: string, phone: string) {
  const rows = await getDb().select().from(campaignMessages).where(eq(campaignMessages.campaignId, campaignId));
  return rows.find((r) => r.phone === phone)!;
}

describe("withdrawal reaches messages that haven't gone out", () => {
  it("opt-out link after CPSMS took the promo: her message is deleted at CPSMS, the others stay scheduled", async () => {
    const list = await guests("cpsms", 4);
    const campaign = await campaignTo(list, { scheduledAt: new Date(Date.now() + 3600_000) });
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 4 });
    const before = sandboxes.cpsms.state.messages().filter((m) => m.state === "scheduled");
    expect(new Set(before.map((m) => m.reference)).size).toBe(1); // one request, one reference for all four

    const her = list[0]!;
    expect(await optOutByToken(getDb(), her.optOutToken)).toBe(true);
    expect(await rowOf(campaign.id, her.phone)).toMatchObject({
      status: "scheduled",
      stopReason: "The guest opted out by their link",
    });
    expect((await getCampaign(getDb(), campaign.id))?.withdrawnHeld).toBe(1);

    const result = await stopHeldMessages(getDb(), sessions());
    expect(result).toMatchObject({ deleted: 1, requeued: 3, locked: 0 });
    expect(await rowOf(campaign.id, her.phone)).toMatchObject({
      status: "cancelled",
      cost: null,
      errorCode: "consent_withdrawn",
    });
    expect((await rowOf(campaign.id, her.phone)).errorMessage).toMatch(/opted out by their link.*Deleted at CPSMS/);
    // The other three are handed to CPSMS again, for the same time.
    await dispatchCampaign(getDb(), campaign.id, options());
    expect(await statusCounts(campaign.id)).toEqual({ scheduled: 3, cancelled: 1 });
    const held = sandboxes.cpsms.state.messages().filter((m) => m.state === "scheduled");
    expect(held.map((m) => `+${m.to}`).sort()).toEqual(
      list
        .slice(1)
        .map((g) => g.phone)
        .sort(),
    );
    expect(new Set(held.map((m) => m.sendAtMs))).toEqual(new Set(before.map((m) => m.sendAtMs)));

    // At the send time: the three get it once, she gets nothing.
    await sandboxes.cpsms.state.advance(3600_000 + 60_000);
    await sandboxes.cpsms.state.settle();
    expect(sandboxes.cpsms.state.handset(her.phone.slice(1))).toHaveLength(0);
    for (const g of list.slice(1)) expect(sandboxes.cpsms.state.handset(g.phone.slice(1))).toHaveLength(1);
    const item = (await getCampaign(getDb(), campaign.id))!;
    expect(item.withdrawnHeld).toBe(0);
    expect(item.costs.held).toBe(3);
  });

  it("inside CPSMS's 10-minute lock nothing can be deleted: the message stays marked and the campaign says it may go out", async () => {
    const list = await guests("cpsms", 2);
    const campaign = await campaignTo(list, { scheduledAt: new Date(Date.now() + 9 * 60_000) });
    await dispatchCampaign(getDb(), campaign.id, options());
    const staff = await insertUser({ role: "staff" });
    await withdrawConsent(getDb(), { selection: { ids: [list[0]!.id] }, source: "staff", actorId: staff.id });
    const result = await stopHeldMessages(getDb(), sessions());
    expect(result).toMatchObject({ deleted: 0, locked: 1 });
    expect(sandboxes.cpsms.state.requests({ path: "/deletesms" })).toHaveLength(0);
    expect(await rowOf(campaign.id, list[0]!.phone)).toMatchObject({
      status: "scheduled",
      stopReason: "Staff withdrew the guest's consent",
    });
    expect((await getCampaign(getDb(), campaign.id))?.withdrawnHeld).toBe(1);
  });

  it("messages we hold are cancelled at once, with the reason, and never sent (promotions only)", async () => {
    const dk = await guests("cpsms", 3);
    const pk = await guests("smsapp", 2);
    const promo = await campaignTo(dk);
    const later = await campaignTo(pk, { scheduledAt: new Date(Date.now() + 3600_000) }); // smsapp.pk: held in our queue
    const service = await campaignTo(dk, { category: "transactional" });
    const staff = await insertUser({ role: "staff" });
    await withdrawConsent(getDb(), { selection: { ids: [dk[0]!.id, pk[0]!.id] }, source: "staff", actorId: staff.id });

    expect(await rowOf(promo.id, dk[0]!.phone)).toMatchObject({ status: "cancelled", errorCode: "consent_withdrawn" });
    expect((await rowOf(promo.id, dk[0]!.phone)).errorMessage).toBe("Not sent: staff withdrew the guest's consent.");
    expect(await rowOf(later.id, pk[0]!.phone)).toMatchObject({ status: "cancelled" });
    expect(await rowOf(service.id, dk[0]!.phone)).toMatchObject({ status: "queued" }); // a service message still goes

    await dispatchCampaign(getDb(), promo.id, options());
    expect(await statusCounts(promo.id)).toEqual({ accepted: 2, cancelled: 1 });
    expect(sandboxes.cpsms.state.handset(dk[0]!.phone.slice(1))).toHaveLength(0);
  });

  it("an imported unsubscribe list withdraws consent and stops promotions, the held one at CPSMS too", async () => {
    const list = await guests("cpsms", 3);
    const held = await campaignTo(list, { scheduledAt: new Date(Date.now() + 3600_000) });
    await dispatchCampaign(getDb(), held.id, options());
    const queued = await campaignTo(list);
    const manager = await insertUser({ role: "manager" });
    const csv = `phone,name\n${list[0]!.phone},Gone\n`;
    const result = await importContactsCsv(getDb(), new TextEncoder().encode(csv), {
      defaultCountry: "DK",
      existing: "skip",
      optOut: true,
      actorId: manager.id,
    });
    expect(result.rejected).toEqual([]);
    expect(result).toMatchObject({ consentWithdrawn: 1, skipped: 1 });
    const [contact] = await getDb().select().from(contacts).where(eq(contacts.id, list[0]!.id));
    expect(contact?.consentState).toBe("withdrawn");
    expect(await rowOf(queued.id, list[0]!.phone)).toMatchObject({
      status: "cancelled",
      errorMessage: "Not sent: marked as opted out by an import.",
    });
    expect(await rowOf(held.id, list[0]!.phone)).toMatchObject({
      status: "scheduled",
      stopReason: "Marked as opted out by an import",
    });
    expect(await stopHeldMessages(getDb(), sessions())).toMatchObject({ deleted: 1, requeued: 2 });
    await expect(
      importContactsCsv(getDb(), new TextEncoder().encode(csv), {
        defaultCountry: "DK",
        existing: "skip",
        optOut: true,
        consent: { wording: "Yes" },
        actorId: manager.id,
      }),
    ).rejects.toThrow("Contacts.import.errors.consentAndOptOut");
  });

  it("a number suppressed by any path is not sent a promotion at claim time", async () => {
    const list = await guests("cpsms", 3);
    const promo = await campaignTo(list);
    await suppressPhones(getDb(), [list[1]!.phone], "staff"); // straight onto the list, no withdrawal bookkeeping
    await dispatchCampaign(getDb(), promo.id, options());
    expect(await statusCounts(promo.id)).toEqual({ accepted: 2, cancelled: 1 });
    expect((await rowOf(promo.id, list[1]!.phone)).errorMessage).toMatch(/suppression list/);
    expect(sandboxes.cpsms.state.handset(list[1]!.phone.slice(1))).toHaveLength(0);
  });

  it("erasure stops everything still to go to the number, service messages too, and deletes what CPSMS holds", async () => {
    const list = await guests("cpsms", 3);
    const held = await campaignTo(list, { scheduledAt: new Date(Date.now() + 3600_000) });
    await dispatchCampaign(getDb(), held.id, options());
    const service = await campaignTo(list, { category: "transactional" });
    const manager = await insertUser({ role: "manager" });
    const erasedId = (await rowOf(held.id, list[2]!.phone)).id;
    await eraseContact(getDb(), manager, list[2]!.id);

    const [erasedService] = await getDb()
      .select()
      .from(campaignMessages)
      .where(eq(campaignMessages.campaignId, service.id));
    expect(await statusCounts(service.id)).toEqual({ queued: 2, cancelled: 1 });
    expect(erasedService).toBeDefined();
    await stopHeldMessages(getDb(), sessions());
    const [erased] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.id, erasedId));
    expect(erased).toMatchObject({ status: "cancelled", phone: `erased-${erasedId}` });
    await dispatchCampaign(getDb(), held.id, options());
    expect(await statusCounts(held.id)).toEqual({ scheduled: 2, cancelled: 1 });
    expect(
      sandboxes.cpsms.state
        .messages()
        .filter((m) => m.state === "scheduled")
        .map((m) => `+${m.to}`)
        .sort(),
    ).toEqual(
      list
        .slice(0, 2)
        .map((g) => g.phone)
        .sort(),
    );
  });
});
