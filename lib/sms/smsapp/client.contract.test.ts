import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmsappSandbox, startSmsappSandbox } from "../../../sandbox/smsapp/server";
import { instantRetry } from "../../../sandbox/testing/retry";
import { SMSAPP_VERSIONS } from "../../../sandbox/variants";
import { createSmsappClient, type SmsappClientOptions } from "./client";

/**
 * Our smsapp.pk client against every Ultimate SMS build the sandbox emulates: the same calls must work, and
 * fail the same way, whichever one smsapp.pk runs.
 */
describe.each(SMSAPP_VERSIONS)("smsapp.pk client contract (Ultimate SMS %s)", (version) => {
  let sandbox: SmsappSandbox;
  beforeAll(async () => {
    sandbox = await startSmsappSandbox({ version, balance: 500, delivery: { delayMs: 60_000 } });
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.state.reset());

  const client = (extra: Partial<SmsappClientOptions> = {}) =>
    createSmsappClient({
      baseUrl: sandbox.url,
      apiToken: "sandbox-smsapp-token",
      defaultSenderId: "CafeRevenue",
      retry: instantRetry(),
      now: () => sandbox.state.now(),
      ...extra,
    });

  it("send: one message, then its status by uid as it changes", async () => {
    sandbox.state.setOutcome("923331112223", "failed");
    const c = client();
    const sent = await c.sendSms({
      recipient: "+92 300 1234567",
      senderId: "CafeRevenue",
      message: "Your table is ready",
    });
    expect(sent.sms).toMatchObject({
      to: "923001234567",
      from: "CafeRevenue",
      cost: 1,
      status: { state: "delivered" },
    });
    const receipt = await c.send({ to: "+923331112223", text: "Hi", reference: "ours-1" });
    expect(receipt).toEqual({
      to: "923331112223",
      providerMessageId: expect.any(String),
      reference: "ours-1",
      segments: 1,
      cost: 1,
      sender: "CafeRevenue",
      scheduled: false,
    });
    await sandbox.state.settle();
    expect((await c.getMessage(sent.sms?.uid ?? "")).status).toMatchObject({
      label: "Delivered",
      state: "delivered",
      gatewayMessageId: expect.any(String),
    });
    expect((await c.getMessage(receipt.providerMessageId ?? "")).status).toMatchObject({
      label: "Undelivered",
      state: "failed",
    });
    await expect(c.getMessage("606812e63f78b")).rejects.toMatchObject({ code: "not_found" });
  });

  it("send: a scheduled message is a campaign, with no uid", async () => {
    const at = new Date(sandbox.state.now() + 3 * 3600_000);
    const result = await client().sendSms({
      recipient: "923001234567",
      senderId: "CafeRevenue",
      message: "Later",
      scheduleAt: at,
    });
    expect(result).toEqual({ message: expect.stringContaining("campaign"), sms: null });
    expect(sandbox.state.handset("923001234567")).toEqual([]);
  });

  it("bulk: sends what it can, and says which numbers it skipped", async () => {
    const c = client();
    const bulk = await c.sendBulk([
      { contact: "923001234567", message: "One" },
      { contact: "+92 333 1112223", message: "Two" },
    ]);
    expect(bulk.sms?.map((s) => [s.to, s.message])).toEqual([
      ["923001234567", "One"],
      ["923331112223", "Two"],
    ]);
    const batch = await c.sendBatch([
      { to: "923451234567", text: "Three" },
      { to: "92345", text: "Too short" },
    ]);
    expect(batch.map((r) => r.status)).toEqual(["accepted", "rejected"]);
    expect(Object.keys(sandbox.state.handsets()).sort()).toEqual(["923001234567", "923331112223", "923451234567"]);
  });

  it("list pages: 25 a page, every message once when walking them", async () => {
    const c = client();
    for (let i = 0; i < 2; i++) {
      await c.sendBulk(Array.from({ length: 15 }, (_, j) => ({ contact: "923001234567", message: `m${i * 15 + j}` })));
    }
    const first = await c.listMessages(1);
    expect(first).toMatchObject({ page: 1, lastPage: 2, perPage: 25, total: 30, hasNextPage: true, from: 1, to: 25 });
    // 3.1 keeps insertion order; ≥3.7 lists the newest first.
    expect(first.items[0]?.message).toBe(version === "3.1" ? "m0" : "m29");
    expect((await c.listMessages(2)).items).toHaveLength(5);
    const all: string[] = [];
    for await (const m of c.iterateMessages()) all.push(m.message);
    expect(all.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
  });

  it("balance: the units left", async () => {
    const c = client();
    await expect(c.getBalance()).resolves.toMatchObject({
      amount: 500,
      unlimited: false,
      unit: "units",
      raw: "500",
      expiresOn: expect.any(String),
    });
    await c.send({ to: "923001234567", text: "x".repeat(200) });
    await expect(c.getBalance()).resolves.toMatchObject({ amount: 498 });
  });

  it("contacts: groups and their contacts, from creation to deletion", async () => {
    const c = client();
    const group = await c.createContactGroup("VIP");
    await expect(c.listContactGroups()).resolves.toMatchObject({ total: 1, items: [group] });
    await expect(c.getContactGroup(group.uid)).resolves.toEqual(group);
    await expect(c.updateContactGroup(group.uid, "Regulars")).resolves.toEqual({ uid: group.uid, name: "Regulars" });
    const added = await c.addContact(group.uid, { phone: "+923001234567", firstName: "Ayesha" });
    expect(added).toEqual({ uid: expect.any(String), phone: "923001234567", firstName: "Ayesha", lastName: null });
    await expect(c.getContact(group.uid, added.uid)).resolves.toEqual(added);
    await expect(
      c.updateContact(group.uid, added.uid, { phone: "923001234567", lastName: "Khan" }),
    ).resolves.toMatchObject({ lastName: "Khan" });
    await expect(c.listContacts(group.uid)).resolves.toMatchObject({
      total: 1,
      items: [{ uid: added.uid, lastName: "Khan" }],
    });
    await c.deleteContact(group.uid, added.uid);
    await expect(c.getContact(group.uid, added.uid)).rejects.toMatchObject({ code: "not_found" });
    await c.deleteContactGroup(group.uid);
    await expect(c.getContactGroup(group.uid)).rejects.toMatchObject({ code: "not_found" });
  });

  it("errors: wrong token, no balance, and an API address with no such route", async () => {
    await expect(client({ apiToken: "wrong" }).getBalance()).rejects.toMatchObject({
      code: "unauthorized",
      httpStatus: version === "3.1" ? 200 : 401,
    });
    sandbox.state.setBalance(0);
    await expect(client().send({ to: "923001234567", text: "Hi" })).rejects.toMatchObject({
      code: "insufficient_credit",
      httpStatus: version === "3.1" ? 404 : 403,
      mayHaveBeenAccepted: false,
    });
    const wrongAddress = client({ baseUrl: `${sandbox.origin}/api/v2` });
    await expect(wrongAddress.getBalance()).rejects.toMatchObject({
      code: "not_found",
      httpStatus: 200,
      retryable: false,
      userMessage: expect.stringContaining("no such API address"),
    });
    await expect(wrongAddress.send({ to: "923001234567", text: "Hi" })).rejects.toMatchObject({
      code: "not_found",
      mayHaveBeenAccepted: false,
    });
  });
});
