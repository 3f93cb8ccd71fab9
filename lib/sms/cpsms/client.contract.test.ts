import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { type CallbackReceiver, startCallbackReceiver } from "../../../sandbox/testing/callback-receiver";
import { instantRetry } from "../../../sandbox/testing/retry";
import { CPSMS_CONTRACT_VARIANTS } from "../../../sandbox/variants";
import { type CpsmsClientOptions, createCpsmsClient } from "./client";
import { type CpsmsDeliveryState, cpsmsDeliveryState, parseCpsmsDeliveryReport } from "./dlr";

const MINUTE = 60_000;
/** One number per way a message can end; the sandbox is told which is which. */
const OUTCOMES = {
  "4520000001": "delivered",
  "4520000002": "failed",
  "4520000003": "buffered",
  "4520000004": "abandoned",
} as const;

/**
 * How the app reads each outcome's code(s) when it does not know the code set (the webhook and the log poller
 * call the parsers with their default). Only 4 is ambiguous: buffered in the current set, abandoned in 2016's.
 * Read as "buffered" it is never counted as delivered, and a message left there becomes Unknown at the horizon.
 */
const APP_READS: Record<(typeof CPSMS_CONTRACT_VARIANTS)[number]["codeSet"], Record<string, CpsmsDeliveryState[]>> = {
  current: {
    delivered: ["delivered"],
    failed: ["failed"],
    buffered: ["buffered", "delivered"],
    abandoned: ["abandoned"],
  },
  "2016": {
    delivered: ["delivered"],
    failed: ["failed"],
    buffered: ["buffered", "delivered"],
    abandoned: ["buffered"],
  },
};
const EXACT: Record<string, CpsmsDeliveryState[]> = {
  delivered: ["delivered"],
  failed: ["failed"],
  buffered: ["buffered", "delivered"],
  abandoned: ["abandoned"],
};

/**
 * Our CPSMS client against every response shape and delivery-report code set the sandbox can speak: the same
 * calls must give the same results whichever CPSMS really sends.
 */
const VARIANTS = CPSMS_CONTRACT_VARIANTS.map(({ wireVariant, codeSet }) => [wireVariant, codeSet] as const);

describe.each(VARIANTS)("CPSMS client contract (%s shapes, %s DLR codes)", (wireVariant, codeSet) => {
  let sandbox: CpsmsSandbox;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    sandbox = await startCpsmsSandbox({
      wireVariant,
      credit: 100,
      dlr: { codeSet, delayMs: 60_000, bufferedDelayMs: 60_000 },
    });
    receiver = await startCallbackReceiver();
  });
  afterAll(async () => {
    await sandbox.stop();
    await receiver.stop();
  });
  beforeEach(() => {
    sandbox.state.reset();
    receiver.received.length = 0;
    for (const [number, outcome] of Object.entries(OUTCOMES)) sandbox.state.setOutcome(number, outcome);
  });
  afterEach(() => sandbox.state.idle());

  const client = (extra: Partial<CpsmsClientOptions> = {}) =>
    createCpsmsClient({
      baseUrl: sandbox.url,
      username: "sandbox",
      apiKey: "sandbox-cpsms-api-key",
      retry: instantRetry(),
      now: () => sandbox.state.now(),
      ...extra,
    });

  it("send: accepted and refused recipients, whichever spelling CPSMS uses", async () => {
    const c = client();
    const partial = await c.sendSms({
      to: ["+4520202020", "4530303030", "21314181", "45abc"],
      message: "Hej",
      reference: "c-1",
    });
    expect(partial).toEqual({
      httpStatus: 207,
      accepted: [
        { to: "4520202020", cost: 1, segments: 1 },
        { to: "4530303030", cost: 1, segments: 1 },
      ],
      rejected: [
        { to: "21314181", code: "400", message: "Phone number length and country code do not match." },
        { to: "45abc", code: "409", message: "Phone number should be specified as a number" },
      ],
    });
    const refused = await c.sendSms({ to: "21314181", message: "Hej" });
    expect(refused).toMatchObject({ httpStatus: 400, accepted: [], rejected: [{ to: "21314181", code: "400" }] });
    await expect(c.send({ to: "4540404040", text: "x".repeat(200), reference: "c-2" })).resolves.toEqual({
      to: "4540404040",
      providerMessageId: null,
      reference: "c-2",
      segments: 2,
      cost: 2,
      sender: null, // none named: CPSMS used the account default, which its log tells
      scheduled: false,
    });
    const batch = await c.sendBatch([
      { to: "4550505050", text: "A" },
      { to: "21314181", text: "B" },
    ]);
    expect(batch.map((r) => r.status)).toEqual(["accepted", "rejected"]);
    expect(sandbox.state.balance()).toBe(100 - 2 - 2 - 1);
  });

  it("send: delivery reports carry the code set's numbers, and the app reads each outcome safely", async () => {
    const to = Object.keys(OUTCOMES);
    await client().sendSms({ to, message: "Hej", reference: "dlr-1", dlrUrl: `${receiver.url}/dlr?msg=dlr-1` });
    await sandbox.state.settle();
    await sandbox.state.idle();
    const reports = receiver.received.map((r) => new URL(r.url, receiver.url));
    const expectedCodes =
      codeSet === "2016"
        ? { delivered: [1], failed: [2], buffered: [3, 1], abandoned: [4] }
        : { delivered: [1], failed: [2], buffered: [4, 1], abandoned: [8] };
    for (const [number, outcome] of Object.entries(OUTCOMES)) {
      const mine = reports.filter((u) => u.searchParams.get("receiver") === number);
      expect(mine.every((u) => u.searchParams.get("msg") === "dlr-1")).toBe(true);
      expect(mine.map((u) => Number(u.searchParams.get("status")))).toEqual(expectedCodes[outcome]);
      expect(mine.map((u) => parseCpsmsDeliveryReport(u, codeSet)?.state)).toEqual(EXACT[outcome]);
      expect(mine.map((u) => parseCpsmsDeliveryReport(u)?.state)).toEqual(APP_READS[codeSet][outcome]);
    }
  });

  it("sendgroup: one SMS per member of a CPSMS group", async () => {
    const c = client();
    const group = await c.addGroup("VIP");
    await c.addContact({ groupId: group.groupId, phoneNumber: "4520202020" });
    await c.addContact({ groupId: group.groupId, phoneNumber: "4530303030", contactName: "Bo" });
    const result = await c.sendGroup({ groupId: group.groupId, message: "Hej VIP", reference: "grp-1" });
    expect(result).toMatchObject({ httpStatus: 200, rejected: [] });
    expect(result.accepted.map((a) => a.to).sort()).toEqual(["4520202020", "4530303030"]);
    expect(sandbox.state.handset("4530303030")).toMatchObject([{ text: "Hej VIP", reference: "grp-1" }]);
  });

  it("credit: the Danish-format balance as a number", async () => {
    sandbox.state.setBalance(9843.4);
    await expect(client().getBalance()).resolves.toEqual({
      amount: 9843.4,
      unlimited: false,
      unit: "points",
      raw: "9.843,40",
    });
    await expect(client().getCreditValue()).resolves.toBe(9843.4);
  });

  it("deletesms: cancels a held send more than 10 minutes ahead, and says when there is nothing to cancel", async () => {
    const c = client();
    const sendAt = new Date(sandbox.state.now() + 60 * MINUTE);
    await expect(c.send({ to: "4520202020", text: "Senere", sendAt, reference: "later-1" })).resolves.toMatchObject({
      scheduled: true,
    });
    expect(sandbox.state.balance()).toBe(99);
    await c.deleteSms("later-1");
    expect(sandbox.state.balance()).toBe(100);
    await expect(c.deleteSms("later-1")).rejects.toMatchObject({ code: "conflict", httpStatus: 409 });
    await sandbox.state.advance(61 * MINUTE);
    expect(sandbox.state.handset("4520202020")).toEqual([]);
  });

  it("getlog: rows with our reference and the report's code, read the way the app's poller reads them", async () => {
    const c = client();
    await c.sendSms({ to: Object.keys(OUTCOMES), message: "Hej", reference: "log-1" });
    await sandbox.state.settle();
    const log = await c.getLog({ reference: "log-1" });
    expect(log.rows).toHaveLength(4);
    for (const row of log.rows) {
      const outcome = OUTCOMES[row.to as keyof typeof OUTCOMES];
      expect(row).toMatchObject({ userReference: "log-1", from: "CafeRevenue", smsAmount: 1 });
      expect(cpsmsDeliveryState(row.dlrStatus, codeSet)).toBe(EXACT[outcome]?.at(-1));
      expect(cpsmsDeliveryState(row.dlrStatus)).toBe(APP_READS[codeSet][outcome]?.at(-1));
    }
  });

  it("groups and contacts: the whole lifecycle", async () => {
    const c = client();
    await expect(c.listGroups()).resolves.toEqual([]);
    const vip = await c.addGroup("VIP");
    expect(vip).toEqual({ groupId: expect.any(Number), groupName: "VIP" });
    await expect(c.listGroups()).resolves.toEqual([vip]);
    await c.addContact({ groupId: vip.groupId, phoneNumber: "+4520202020", contactName: "Åse" });
    await expect(c.listContacts(vip.groupId)).resolves.toEqual([
      { phoneNumber: "4520202020", contactName: "Åse", addedAt: expect.any(Date) },
    ]);
    await expect(c.listGroupMembership("4520202020")).resolves.toEqual([vip]);
    await c.updateGroup(vip.groupId, "VIP gæster");
    await c.updateContact({ groupId: vip.groupId, phoneNumber: "4520202020", contactName: "Åse H." });
    await expect(c.listContacts(vip.groupId)).resolves.toMatchObject([{ contactName: "Åse H." }]);
    await expect(c.deleteGroup(vip.groupId)).rejects.toMatchObject({ code: "conflict", httpStatus: 409 });
    await c.deleteContact({ groupId: vip.groupId, phoneNumber: "4520202020" });
    await c.deleteGroup(vip.groupId);
    await expect(c.listGroups()).resolves.toEqual([]);
  });

  it("errors: wrong credentials and too little credit", async () => {
    await expect(client({ apiKey: "wrong" }).getBalance()).rejects.toMatchObject({
      code: "unauthorized",
      httpStatus: 401,
    });
    sandbox.state.setBalance(0.5);
    await expect(client().send({ to: "4520202020", text: "Hej" })).rejects.toMatchObject({
      code: "insufficient_credit",
      httpStatus: 402,
      mayHaveBeenAccepted: false,
    });
  });
});
