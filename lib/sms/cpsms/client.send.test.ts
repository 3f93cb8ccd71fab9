import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "../../../sandbox/cpsms/server";
import { instantRetry } from "../../../sandbox/testing/retry";
import { ProviderError } from "../errors";
import { type CpsmsClientOptions, createCpsmsClient } from "./client";

let sandbox: CpsmsSandbox;
const credentials = { username: "cafe", apiKey: "k3y-for-tests-only" };
const client = (extra: Partial<CpsmsClientOptions> = {}) =>
  createCpsmsClient({ baseUrl: sandbox.url, ...credentials, retry: instantRetry(), timeoutMs: 2000, ...extra });

beforeAll(async () => {
  sandbox = await startCpsmsSandbox({ ...credentials, credit: 100, dlr: { delayMs: 5 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

describe("CPSMS send", () => {
  it("sends one SMS with our reference and dlr_url passed through untouched", async () => {
    const dlrUrl = "http://127.0.0.1:9/dlr?msg=m_1&token=t0k";
    const receipt = await client().send({
      to: "+45 20 20 20 20",
      text: "Hej Åse, dit bord er klar",
      from: "Cafe",
      reference: "msg_01HZX-1",
      dlrUrl,
    });
    expect(receipt).toEqual({
      to: "4520202020",
      providerMessageId: null,
      reference: "msg_01HZX-1",
      segments: 1,
      cost: 1,
      sender: "Cafe",
      scheduled: false,
    });
    const [request] = sandbox.state.requests({ path: "/send" });
    expect(request?.body).toEqual({
      to: ["4520202020"],
      message: "Hej Åse, dit bord er klar",
      from: "Cafe",
      reference: "msg_01HZX-1",
      dlr_url: dlrUrl,
    });
    expect(request?.contentType).toContain("application/json");
    const inbox = sandbox.state.handset("4520202020");
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      from: "Cafe",
      text: "Hej Åse, dit bord er klar",
      reference: "msg_01HZX-1",
      encoding: "GSM-7",
    });
    expect(sandbox.state.balance()).toBe(99);
  });

  it("switches to UNICODE only when the text needs it (else CPSMS would strip the emoji)", async () => {
    await client().sendSms({ to: "4520202020", message: "Tak for besøget 😀" });
    await client().sendSms({ to: "4520202020", message: "Tak for besøget" });
    const [unicode, gsm] = sandbox.state.requests({ path: "/send" });
    expect(unicode?.body).toMatchObject({ format: "UNICODE" });
    expect(gsm?.body).not.toHaveProperty("format");
    expect(sandbox.state.handset("4520202020").map((m) => m.text)).toEqual(["Tak for besøget 😀", "Tak for besøget"]);
    // Forcing GSM shows what CPSMS does otherwise.
    await client().sendSms({ to: "4520202020", message: "Tak 😀", format: "GSM" });
    expect(sandbox.state.handset("4520202020")[2]?.text).toBe("Tak ");
  });

  it("writes the body in ISO-8859-1 when asked, refusing characters it cannot carry", async () => {
    await client().sendSms({ to: "4520202020", message: "Bilen KØRER", encoding: "ISO-8859-1" });
    expect(sandbox.state.requests({ path: "/send" })[0]?.contentType).toBe("application/json; charset=iso-8859-1");
    expect(sandbox.state.handset("4520202020")[0]?.text).toBe("Bilen KØRER");
    await expect(client().sendSms({ to: "4520202020", message: "€5", encoding: "ISO-8859-1" })).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("charges per segment and sends timestamps as unix seconds", async () => {
    const result = await client().sendSms({
      to: "4520202020",
      message: "x".repeat(161),
      sendAt: new Date(1_000_000_000_500),
    });
    expect(result.accepted).toEqual([{ to: "4520202020", cost: 2, segments: 2 }]);
    expect(sandbox.state.requests({ path: "/send" })[0]?.body).toMatchObject({ timestamp: 1_000_000_000 });
  });

  it("returns per-recipient results from a 207, in both documented spellings", async () => {
    for (const wireVariant of ["documented", "modern", "draft"] as const) {
      const local = await startCpsmsSandbox({ ...credentials, wireVariant });
      try {
        const c = createCpsmsClient({ baseUrl: local.url, ...credentials });
        const result = await c.sendSms({ to: ["4520202020", "4530303030", "21314181"], message: "Hi" });
        expect(result.httpStatus).toBe(207);
        expect(result.accepted.map((a) => [a.to, a.cost])).toEqual([
          ["4520202020", 1],
          ["4530303030", 1],
        ]);
        expect(result.rejected).toEqual([
          { to: "21314181", code: "400", message: "Phone number length and country code do not match." },
        ]);
      } finally {
        await local.stop();
      }
    }
  });

  it("returns an all-refused 400 as results and throws a validation error for a single send", async () => {
    const result = await client().sendSms({ to: ["45abc", "4512"], message: "Hi" });
    expect(result.httpStatus).toBe(400);
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => r.code)).toEqual(["409", "400"]);
    const error = await client()
      .send({ to: "45abc", text: "Hi" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: "validation",
      providerMessage: "Phone number should be specified as a number",
      mayHaveBeenAccepted: false,
    });
  });

  it("turns a recipient_failure fault into a 207", async () => {
    sandbox.state.addFault({
      path: "/send",
      fault: { type: "recipient_failure", recipients: ["4530303030"], message: "Blocked by operator" },
    });
    const result = await client().sendSms({ to: ["4520202020", "4530303030"], message: "Hi" });
    expect(result.httpStatus).toBe(207);
    expect(result.rejected).toEqual([{ to: "4530303030", code: "400", message: "Blocked by operator" }]);
    expect(sandbox.state.handset("4530303030")).toHaveLength(0);
  });

  it("maps whole-request errors to typed ProviderErrors", async () => {
    const cases: Array<[number, string]> = [
      [401, "unauthorized"],
      [402, "insufficient_credit"],
      [403, "forbidden"],
      [404, "not_found"],
      [406, "validation"],
      [409, "conflict"],
      [500, "server_error"],
    ];
    for (const [status, code] of cases) {
      sandbox.state.addFault({ path: "/send", fault: { type: "status", status } });
      const error = await client()
        .send({ to: "4520202020", text: "Hi" })
        .catch((e: unknown) => e);
      expect(error, `HTTP ${status}`).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code, httpStatus: status, provider: "cpsms" });
    }
    expect(sandbox.state.handset("4520202020")).toHaveLength(0);
  });

  it("gets real 401, 402, 406 and 409 from the emulator", async () => {
    await expect(
      createCpsmsClient({ baseUrl: sandbox.url, username: "cafe", apiKey: "wrong" }).getCreditValue(),
    ).rejects.toMatchObject({ code: "unauthorized", httpStatus: 401 });
    sandbox.state.setBalance(1);
    await expect(client().sendSms({ to: ["4520202020", "4530303030"], message: "Hi" })).rejects.toMatchObject({
      code: "insufficient_credit",
      httpStatus: 402,
    });
    expect(sandbox.state.handsets()).toEqual({});
    await expect(client().send({ to: "4520202020", text: "Hi", from: "Café#1" })).rejects.toMatchObject({
      code: "validation",
      httpStatus: 406,
    });
    await expect(client().deleteSms("nothing-here")).rejects.toMatchObject({ code: "conflict", httpStatus: 409 });
  });

  it("treats an error body sent with HTTP 200 as an error", async () => {
    sandbox.state.addFault({
      path: "/send",
      fault: { type: "status", status: 200, body: { error: { code: 401, message: "Bad credentials" } } },
    });
    await expect(client().send({ to: "4520202020", text: "Hi" })).rejects.toMatchObject({
      code: "unauthorized",
      httpStatus: 401,
      providerMessage: "Bad credentials",
    });
  });

  it("refuses what CPSMS documents as invalid before spending a request", async () => {
    await expect(client().send({ to: "4520202020", text: "x".repeat(1531) })).rejects.toMatchObject({
      code: "validation",
      httpStatus: null,
    });
    await expect(client().send({ to: "4520202020", text: "Hi", reference: "x".repeat(33) })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(client().send({ to: "4520202020", text: "Hi", reference: "has space" })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(client().send({ to: "4520202020", text: "Hi", from: "TwelveLetter" })).rejects.toMatchObject({
      code: "validation",
    });
    expect(sandbox.state.requests()).toHaveLength(0);
    await expect(
      client().send({ to: "4520202020", text: "x".repeat(1530), reference: "r".repeat(32) }),
    ).resolves.toMatchObject({ segments: 10 });
  });

  it("sends to a group and via simplesend", async () => {
    const c = client();
    const group = await c.addGroup("Stamgæster");
    await c.addContact({ groupId: group.groupId, phoneNumber: "4520202020", contactName: "Åse" });
    await c.addContact({ groupId: group.groupId, phoneNumber: "4530303030" });
    const result = await c.sendGroup({ groupId: group.groupId, message: "Happy hour kl. 17", reference: "grp-1" });
    expect(result.accepted.map((a) => a.to).sort()).toEqual(["4520202020", "4530303030"]);
    expect(sandbox.state.requests({ path: "/sendgroup" })[0]?.body).toMatchObject({
      to_group: group.groupId,
      reference: "grp-1",
    });
    await expect(c.sendGroup({ groupId: 1, message: "x" })).rejects.toMatchObject({
      code: "validation",
      providerMessage: "Group not found",
    });

    const simple = await c.simpleSend({ to: "4540404040", message: "Bord 4 er klar / 2 pers", from: "Cafe" });
    expect(simple.accepted).toEqual([{ to: "4540404040", cost: 1, segments: 1 }]);
    expect(sandbox.state.handset("4540404040")[0]?.text).toBe("Bord 4 er klar / 2 pers");
  });

  it("batches messages that share a text into one request and reports each message", async () => {
    const results = await client().sendBatch([
      { to: "4520202020", text: "Same" },
      { to: "4530303030", text: "Same" },
      { to: "21314181", text: "Same" },
      { to: "4540404040", text: "Other", reference: "solo" },
    ]);
    expect(results.map((r) => r.status)).toEqual(["accepted", "accepted", "rejected", "accepted"]);
    expect(sandbox.state.requests({ path: "/send" })).toHaveLength(2);
  });

  it("stops a batch at an account-level failure and skips the rest", async () => {
    sandbox.state.addFault({ path: "/send", fault: { type: "status", status: 402 } });
    const results = await client().sendBatch([
      { to: "4520202020", text: "A" },
      { to: "4530303030", text: "B" },
    ]);
    expect(results.map((r) => r.status)).toEqual(["failed", "skipped"]);
    expect(sandbox.state.requests({ path: "/send" })).toHaveLength(1);
  });

  it("reads credit in Danish notation", async () => {
    sandbox.state.setBalance(9843.4);
    await expect(client().getCreditValue()).resolves.toBe(9843.4);
    await expect(client().getBalance()).resolves.toEqual({
      amount: 9843.4,
      unlimited: false,
      unit: "points",
      raw: "9.843,40",
    });
  });
});
