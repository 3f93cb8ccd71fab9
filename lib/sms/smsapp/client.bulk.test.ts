import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmsappSandbox, startSmsappSandbox } from "../../../sandbox/smsapp/server";
import { instantRetry } from "../../../sandbox/testing/retry";
import type { OutboundSms } from "../types";
import { createSmsappClient } from "./client";

let sandbox: SmsappSandbox;
beforeAll(async () => {
  sandbox = await startSmsappSandbox({ balance: 10_000 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

const client = () =>
  createSmsappClient({
    baseUrl: sandbox.url,
    apiToken: "sandbox-smsapp-token",
    defaultSenderId: "CafeRevenue",
    retry: instantRetry(),
  });
const number = (i: number) => `92300${String(1_000_000 + i).slice(1)}`;
const bulkCalls = () => sandbox.state.requests({ path: "/sms/send-bulk-messages" });

describe("smsapp.pk bulk", () => {
  it("posts a JSON array of {contact:number, message, type}", async () => {
    const result = await client().sendBulk([
      { contact: "923001234567", message: "Hi Ali" },
      { contact: "+923331112223", message: "Hi Sara" },
    ]);
    expect(bulkCalls()[0]?.body).toEqual([
      { contact: 923001234567, message: "Hi Ali", type: "text" },
      { contact: 923331112223, message: "Hi Sara", type: "text" },
    ]);
    expect(result.sms?.map((s) => s.to)).toEqual(["923001234567", "923331112223"]);
    expect(sandbox.state.handset("923331112223")).toMatchObject([{ text: "Hi Sara", from: "CafeRevenue" }]);
  });

  it("refuses more than 50 items before sending anything", async () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ contact: number(i), message: "x" }));
    await expect(client().sendBulk(items)).rejects.toMatchObject({ code: "validation", httpStatus: null });
    expect(bulkCalls()).toHaveLength(0);
  });

  it("chunks larger sets into calls of at most 50", async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ contact: number(i), message: `Offer ${i}` }));
    const results = await client().sendBulkChunked(items);
    expect(results.map((r) => [r.status, r.items.length])).toEqual([
      ["sent", 50],
      ["sent", 50],
      ["sent", 20],
    ]);
    expect(bulkCalls().map((c) => (c.body as unknown[]).length)).toEqual([50, 50, 20]);
    expect(Object.keys(sandbox.state.handsets())).toHaveLength(120);
  });

  it("stops chunking at an account failure", async () => {
    sandbox.state.setBalance(60);
    const items = Array.from({ length: 120 }, (_, i) => ({ contact: number(i), message: "x" }));
    const results = await client().sendBulkChunked(items);
    expect(results.map((r) => r.status)).toEqual(["sent", "failed", "skipped"]);
    expect(results[1]).toMatchObject({ error: { code: "insufficient_credit" } });
    expect(Object.keys(sandbox.state.handsets())).toHaveLength(50);
  });

  it("sendBatch uses bulk for default-sender messages and single sends for the rest", async () => {
    const messages: OutboundSms[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ to: number(i), text: `Hello ${i}` })),
      { to: "923001234567", text: "From another sender", from: "Branch2" },
      { to: "92300", text: "bad number" },
    ];
    const results = await client().sendBatch(messages);
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(61);
    expect(results[60]).toMatchObject({ status: "accepted", receipt: { providerMessageId: expect.any(String) } });
    expect(results[61]).toMatchObject({ status: "rejected", rejection: { to: "92300" } });
    expect(bulkCalls()).toHaveLength(2);
    expect(sandbox.state.requests({ path: "/sms/send" })).toHaveLength(1);
    expect(sandbox.state.handset("923001234567")[0]?.from).toBe("Branch2");
  });

  it("maps a refused single send in a batch to 'rejected'", async () => {
    const results = await client().sendBatch([{ to: "923001234567", text: "x", from: "WayTooLongSender" }]);
    expect(results[0]).toMatchObject({
      status: "rejected",
      rejection: { message: "Originator WayTooLongSender is not authorized to send this message" },
    });
  });
});
