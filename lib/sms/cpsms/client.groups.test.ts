import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { createCpsmsClient } from "./client";

describe.each(["documented", "modern"] as const)("CPSMS groups and contacts (%s wire shapes)", (wireVariant) => {
  let sandbox: CpsmsSandbox;
  beforeAll(async () => {
    sandbox = await startCpsmsSandbox({ wireVariant });
  });
  afterAll(() => sandbox.stop());
  const client = () =>
    createCpsmsClient({ baseUrl: sandbox.url, username: "sandbox", apiKey: "sandbox-cpsms-api-key" });

  it("runs the whole group/contact lifecycle", async () => {
    const c = client();
    await expect(c.listGroups()).resolves.toEqual([]); // CPSMS answers 409 for "nothing to return"
    const vip = await c.addGroup("VIP");
    expect(vip).toEqual({ groupId: expect.any(Number), groupName: "VIP" });
    const lunch = await c.addGroup("Frokost");
    await expect(c.addGroup("vip")).rejects.toMatchObject({
      code: "validation",
      httpStatus: 406,
      providerMessage: "A group with that name already exists",
    });
    await expect(c.listGroups()).resolves.toEqual([vip, lunch]);

    await expect(c.listContacts(vip.groupId)).resolves.toEqual([]);
    await c.addContact({ groupId: vip.groupId, phoneNumber: "+4520202020", contactName: "Åse" });
    await c.addContact({ groupId: lunch.groupId, phoneNumber: "4520202020" });
    await expect(c.addContact({ groupId: vip.groupId, phoneNumber: "4520202020" })).rejects.toMatchObject({
      httpStatus: 406,
    });
    await expect(c.addContact({ groupId: vip.groupId, phoneNumber: "45+2020" })).rejects.toMatchObject({
      code: "conflict",
      httpStatus: 409,
    });

    const contacts = await c.listContacts(vip.groupId);
    expect(contacts).toEqual([{ phoneNumber: "4520202020", contactName: "Åse", addedAt: expect.any(Date) }]);
    await expect(c.listGroupMembership("4520202020")).resolves.toEqual([vip, lunch]);

    await c.updateGroup(vip.groupId, "VIP gæster");
    await c.updateContact({ groupId: vip.groupId, phoneNumber: "4520202020", contactName: "Åse H." });
    expect((await c.listContacts(vip.groupId))[0]?.contactName).toBe("Åse H.");

    await expect(c.deleteGroup(vip.groupId)).rejects.toMatchObject({ code: "conflict", httpStatus: 409 });
    await c.deleteContact({ groupId: vip.groupId, phoneNumber: "4520202020" });
    await expect(c.listGroupMembership("4520202020")).resolves.toEqual([lunch]);
    await c.deleteContact({ groupId: lunch.groupId, phoneNumber: "4520202020" });
    await expect(c.listGroupMembership("4520202020")).resolves.toEqual([]); // deleted entirely
    await c.deleteGroup(vip.groupId);
    await expect(c.updateGroup(vip.groupId, "x")).rejects.toMatchObject({
      httpStatus: 400,
      providerMessage: "Group not found",
    });
    await expect(c.listGroups()).resolves.toEqual([lunch]);
  });
});
