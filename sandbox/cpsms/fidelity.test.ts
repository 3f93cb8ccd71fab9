import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "./server";

// Divergences found by running independently written CPSMS clients against the sandbox (issue #13).
let sandbox: CpsmsSandbox;
const AUTH = `Basic ${Buffer.from("sandbox:sandbox-cpsms-api-key").toString("base64")}`;

beforeAll(async () => {
  sandbox = await startCpsmsSandbox({ credit: 100, dlr: { delayMs: 1 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { Authorization: AUTH },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** What a widely used PHP client posts: every optional field it was not given, as an empty string. */
const EMPTY_DEFAULTS = { from: "", timestamp: "", encoding: "", dlr_url: "", flash: "", reference: "", format: "" };

describe("CPSMS: an empty optional field means the field is absent", () => {
  it("sends now, from the default sender, without a report, when every default is an empty string", async () => {
    const result = await call("POST", "/send", { to: "4520202020", message: "Hej", ...EMPTY_DEFAULTS });
    expect(result).toEqual({ status: 200, json: { success: [{ to: "4520202020", cost: 1, smsAmount: 1 }] } });
    expect(sandbox.state.handset("4520202020")).toEqual([
      expect.objectContaining({ text: "Hej", from: "CafeRevenue", reference: null }),
    ]);
    expect(sandbox.state.messages()).toEqual([expect.objectContaining({ state: "sent", dlrUrl: null, flash: false })]);
    await sandbox.state.settle();
    expect(sandbox.state.dlrReports()).toEqual([]);
  });

  it("does the same for sendgroup, and for getlog's filters", async () => {
    await call("POST", "/addgroup", { groupName: "VIP" });
    expect(
      (await call("POST", "/addcontact", { groupId: 11986, phoneNumber: "4520202020", contactName: "" })).status,
    ).toBe(200);
    expect((await call("GET", "/listcontacts/11986")).json).toEqual([
      { phoneNumber: "4520202020", contactName: null, timeAdded: expect.any(Number) },
    ]);
    expect((await call("POST", "/sendgroup", { to_group: 11986, message: "Hej", ...EMPTY_DEFAULTS })).status).toBe(200);
    const log = await call("GET", "/getlog?to=&fromDate=&toDate=");
    expect(log).toEqual({ status: 200, json: [expect.objectContaining({ to: "4520202020", userReference: null })] });
  });

  it("still refuses an empty required field", async () => {
    expect(await call("POST", "/send", { to: "", message: "Hej" })).toEqual({
      status: 400,
      json: { error: { code: 400, message: "Receiver (to) is required" } },
    });
    expect((await call("POST", "/send", { to: "4520202020", message: "" })).status).toBe(400);
  });
});

describe("CPSMS: POST /creditvalue", () => {
  it("answers like GET, as in the documentation's own example", async () => {
    sandbox.state.setBalance(9843.4);
    expect(await call("POST", "/creditvalue")).toEqual({ status: 200, json: { credit: "9.843,40" } });
    expect(await call("GET", "/creditvalue")).toEqual({ status: 200, json: { credit: "9.843,40" } });
    expect((await call("DELETE", "/creditvalue")).status).toBe(404);
  });
});
