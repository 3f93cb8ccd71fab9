import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { type CallbackReceiver, startCallbackReceiver } from "../../../sandbox/testing/callback-receiver";
import { createCpsmsClient } from "./client";
import { parseCpsmsDeliveryReport } from "./dlr";

const MINUTE = 60_000;
let sandbox: CpsmsSandbox;
let receiver: CallbackReceiver;

beforeAll(async () => {
  sandbox = await startCpsmsSandbox({ credit: 50, dlr: { delayMs: 10, bufferedDelayMs: 10 } });
});
afterAll(() => sandbox.stop());
beforeEach(async () => {
  sandbox.state.reset();
  receiver = await startCallbackReceiver();
});
afterEach(() => receiver.stop());

const client = () =>
  createCpsmsClient({
    baseUrl: sandbox.url,
    username: "sandbox",
    apiKey: "sandbox-cpsms-api-key",
    now: () => sandbox.state.now(),
  });
const inMinutes = (n: number) => new Date(sandbox.state.now() + n * MINUTE);

describe("CPSMS scheduled sends", () => {
  it("holds a timestamped SMS until it is due, then releases it", async () => {
    const receipt = await client().send({
      to: "4520202020",
      text: "Brunch i morgen?",
      sendAt: inMinutes(60),
      reference: "sched-1",
    });
    expect(receipt.scheduled).toBe(true);
    expect(sandbox.state.balance()).toBe(49); // charged on acceptance
    await sandbox.state.advance(59 * MINUTE);
    expect(sandbox.state.handset("4520202020")).toEqual([]);
    await sandbox.state.advance(MINUTE);
    expect(sandbox.state.handset("4520202020")).toMatchObject([{ text: "Brunch i morgen?", reference: "sched-1" }]);
  });

  it("deletes pending SMSs by reference only more than 10 minutes before send time", async () => {
    const c = client();
    await c.sendSms({
      to: ["4520202020", "4530303030"],
      message: "Tilbud",
      sendAt: inMinutes(30),
      reference: "camp-7",
    });
    await c.send({ to: "4540404040", text: "Snart", sendAt: inMinutes(15), reference: "late-1" });
    expect(sandbox.state.balance()).toBe(47);

    await sandbox.state.advance(5 * MINUTE); // camp-7 is 25 min away, late-1 is 10 min away
    await c.deleteSms("camp-7");
    expect(sandbox.state.balance()).toBe(49); // both refunded
    await expect(c.deleteSms("late-1")).rejects.toMatchObject({ code: "conflict", httpStatus: 409 });
    await expect(c.deleteSms("camp-7")).rejects.toMatchObject({ code: "conflict", httpStatus: 409 }); // nothing left

    await sandbox.state.advance(30 * MINUTE);
    expect(sandbox.state.handset("4520202020")).toEqual([]);
    expect(sandbox.state.handset("4530303030")).toEqual([]);
    expect(sandbox.state.handset("4540404040")).toHaveLength(1);
  });
});

describe("CPSMS delivery reports", () => {
  it("POSTs ?status=&receiver= appended to our dlr_url, keeping our parameters", async () => {
    await client().send({ to: "4520202020", text: "Hi", dlrUrl: `${receiver.url}/dlr?msg=m_1&token=s3cr3t` });
    const [callback] = await receiver.waitFor(1);
    expect(callback).toMatchObject({
      method: "POST",
      url: "/dlr?msg=m_1&token=s3cr3t&status=1&receiver=4520202020",
      body: "",
    });
    const report = parseCpsmsDeliveryReport(new URL(callback?.url ?? "", receiver.url));
    expect(report).toEqual({ receiver: "4520202020", statusCode: 1, state: "delivered", final: true });
    expect(sandbox.state.handset("4520202020")[0]?.status).toBe("delivered");
  });

  it("reports failed, buffered-then-delivered and abandoned outcomes", async () => {
    sandbox.state.setOutcome("4530303030", "failed");
    sandbox.state.setOutcome("4540404040", "buffered");
    sandbox.state.setOutcome("4550505050", "abandoned");
    await client().sendSms({
      to: ["4530303030", "4540404040", "4550505050"],
      message: "Hi",
      dlrUrl: `${receiver.url}/dlr`,
    });
    await sandbox.state.settle();
    const byReceiver = (n: string) =>
      receiver.received.filter((r) => r.query.receiver === n).map((r) => r.query.status);
    expect(byReceiver("4530303030")).toEqual(["2"]);
    expect(byReceiver("4540404040")).toEqual(["4", "1"]);
    expect(byReceiver("4550505050")).toEqual(["8"]);
    expect(sandbox.state.handset("4540404040")[0]?.status).toBe("delivered");
  });

  it("sends reports only once a scheduled SMS goes out", async () => {
    await client().send({ to: "4520202020", text: "Later", sendAt: inMinutes(20), dlrUrl: `${receiver.url}/dlr` });
    await sandbox.state.settle();
    expect(receiver.received).toEqual([]);
    await sandbox.state.advance(20 * MINUTE);
    await sandbox.state.settle();
    expect(receiver.received.map((r) => r.query.status)).toEqual(["1"]);
  });

  it("never calls a non-loopback dlr_url", async () => {
    await client().send({ to: "4520202020", text: "Hi", dlrUrl: "https://example.com/dlr" });
    await sandbox.state.settle();
    expect(sandbox.state.dlrReports()).toEqual([
      expect.objectContaining({ responseStatus: null, error: expect.stringContaining("not a loopback host") }),
    ]);
  });

  it("can speak the 2016 code set", async () => {
    const old = await startCpsmsSandbox({ dlr: { delayMs: 1, bufferedDelayMs: 1, codeSet: "2016" } });
    try {
      old.state.setOutcome("4540404040", "buffered");
      old.state.setOutcome("4550505050", "abandoned");
      const c = createCpsmsClient({ baseUrl: old.url, username: "sandbox", apiKey: "sandbox-cpsms-api-key" });
      await c.sendSms({ to: ["4540404040", "4550505050"], message: "Hi", dlrUrl: `${receiver.url}/dlr` });
      await old.state.settle();
      const codes = receiver.received.map((r) => `${r.query.receiver}:${r.query.status}`).sort();
      expect(codes).toEqual(["4540404040:1", "4540404040:3", "4550505050:4"]);
      expect(parseCpsmsDeliveryReport("/dlr?status=4&receiver=4550505050", "2016")?.state).toBe("abandoned");
    } finally {
      await old.stop();
    }
  });
});
