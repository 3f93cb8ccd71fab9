import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmsappSandbox, startSmsappSandbox } from "../../../sandbox/smsapp/server";
import { createSmsappClient } from "./client";

let sandbox: SmsappSandbox;
beforeAll(async () => {
  sandbox = await startSmsappSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

const client = () => createSmsappClient({ baseUrl: sandbox.url, apiToken: "sandbox-smsapp-token" });

describe("smsapp.pk message pages", () => {
  it("pages 25 at a time: first, middle, last, beyond last", async () => {
    for (let i = 0; i < 60; i++)
      sandbox.state.deliver({ to: "923001234567", from: "CafeRevenue", message: `m${i}`, type: "plain" });
    const c = client();
    const first = await c.listMessages();
    expect(first).toMatchObject({ page: 1, lastPage: 3, perPage: 25, total: 60, hasNextPage: true });
    expect(first.items.map((m) => m.message).slice(0, 2)).toEqual(["m0", "m1"]);
    const middle = await c.listMessages(2);
    expect(middle.items[0]?.message).toBe("m25");
    const last = await c.listMessages(3);
    expect(last).toMatchObject({ page: 3, hasNextPage: false });
    expect(last.items).toHaveLength(10);
    const beyond = await c.listMessages(4);
    expect(beyond).toMatchObject({ page: 4, lastPage: 3, total: 60, items: [], hasNextPage: false });

    const all: string[] = [];
    for await (const m of c.iterateMessages()) all.push(m.message);
    expect(all).toHaveLength(60);
    expect(sandbox.state.requests({ path: "/sms" }).map((r) => r.query.page)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "1",
      "2",
      "3",
    ]);
  });

  it("handles an empty account", async () => {
    await expect(client().listMessages()).resolves.toMatchObject({
      page: 1,
      lastPage: 1,
      total: 0,
      items: [],
      hasNextPage: false,
    });
  });
});

describe("smsapp.pk contact groups and contacts", () => {
  it("runs the CRUD cycle with the API's POST lookups", async () => {
    const c = client();
    const group = await c.createContactGroup("Regulars");
    expect(group).toEqual({ uid: expect.stringMatching(/^[0-9a-f]{13}$/), name: "Regulars" });
    await expect(c.createContactGroup("Regulars")).rejects.toMatchObject({
      code: "validation",
      providerMessage: "The given data was invalid.",
    });
    await expect(c.getContactGroup(group.uid)).resolves.toEqual(group);
    await expect(c.updateContactGroup(group.uid, "VIP")).resolves.toEqual({ uid: group.uid, name: "VIP" });
    expect((await c.listContactGroups()).items).toEqual([{ uid: group.uid, name: "VIP" }]);

    const ali = await c.addContact(group.uid, { phone: "+923001234567", firstName: "Ali" });
    expect(ali).toEqual({ uid: expect.any(String), phone: "923001234567", firstName: "Ali", lastName: null });
    await expect(c.getContact(group.uid, ali.uid)).resolves.toEqual(ali);
    await expect(
      c.updateContact(group.uid, ali.uid, { phone: "923001234567", lastName: "Khan" }),
    ).resolves.toMatchObject({ firstName: "Ali", lastName: "Khan" });
    for (let i = 0; i < 29; i++) await c.addContact(group.uid, { phone: `9230012300${String(i).padStart(2, "0")}` });
    const page2 = await c.listContacts(group.uid, 2);
    expect(page2).toMatchObject({ page: 2, lastPage: 2, total: 30, hasNextPage: false });
    expect(page2.items).toHaveLength(5);
    expect(sandbox.state.requests({ path: `/contacts/${group.uid}/all` })[0]).toMatchObject({
      method: "POST",
      query: { page: "2" },
    });

    await c.deleteContact(group.uid, ali.uid);
    await expect(c.getContact(group.uid, ali.uid)).rejects.toMatchObject({ code: "not_found" });
    await c.deleteContactGroup(group.uid);
    await expect(c.getContactGroup(group.uid)).rejects.toMatchObject({
      code: "not_found",
      providerMessage: `No query results for model [App\\Models\\ContactGroups] ${group.uid}`,
    });
    await expect(c.addContact(group.uid, { phone: "923001234567" })).rejects.toMatchObject({ code: "not_found" });
  });
});
