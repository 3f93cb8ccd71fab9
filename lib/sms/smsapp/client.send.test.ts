import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmsappSandbox, startSmsappSandbox } from "../../../sandbox/smsapp/server";
import { instantRetry } from "../../../sandbox/testing/retry";
import { ProviderError } from "../errors";
import { createSmsappClient, type SmsappClientOptions } from "./client";

const TOKEN = "test-token-not-real";
let sandbox: SmsappSandbox;
beforeAll(async () => {
  sandbox = await startSmsappSandbox({ apiToken: TOKEN, balance: 100, delivery: { delayMs: 5 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

const client = (extra: Partial<SmsappClientOptions> = {}) =>
  createSmsappClient({
    baseUrl: sandbox.url,
    apiToken: TOKEN,
    defaultSenderId: "CafeRevenue",
    retry: instantRetry(),
    timeoutMs: 2000,
    now: () => sandbox.state.now(),
    ...extra,
  });

describe("smsapp.pk send", () => {
  it("sends with Bearer auth and Accept: application/json, choosing plain for GSM text", async () => {
    const result = await client().sendSms({
      recipient: "+92 300 1234567",
      senderId: "CafeRevenue",
      message: "Your table is ready",
    });
    expect(result.message).toBe("Your message was successfully delivered");
    expect(result.sms).toMatchObject({
      uid: expect.stringMatching(/^[0-9a-f]{13}$/),
      to: "923001234567",
      from: "CafeRevenue",
      cost: 1,
    });
    expect(result.sms?.status).toMatchObject({ raw: "Delivered", state: "delivered" });
    const [request] = sandbox.state.requests({ path: "/sms/send" });
    expect(request).toMatchObject({ accept: "application/json", hasAuthorization: true });
    expect(request?.body).toEqual({
      recipient: "923001234567",
      sender_id: "CafeRevenue",
      type: "plain",
      message: "Your table is ready",
    });
  });

  it("chooses unicode for Urdu so the handset gets the real text (plain would mangle it)", async () => {
    const urdu = "آپ کی میز تیار ہے";
    await client().sendSms({ recipient: "923001234567", senderId: "CafeRevenue", message: urdu });
    expect(sandbox.state.requests({ path: "/sms/send" })[0]?.body).toMatchObject({ type: "unicode" });
    expect(sandbox.state.handset("923001234567")[0]).toMatchObject({ text: urdu, encoding: "UCS-2" });
    await client().sendSms({ recipient: "923001234567", senderId: "CafeRevenue", message: urdu, type: "plain" });
    expect(sandbox.state.handset("923001234567")[1]?.text).not.toBe(urdu);
  });

  it("implements the shared interface", async () => {
    const receipt = await client().send({ to: "923001234567", text: "Hi", reference: "ours-1" });
    expect(receipt).toEqual({
      to: "923001234567",
      providerMessageId: expect.any(String),
      reference: "ours-1",
      segments: 1,
      cost: 1,
      sender: "CafeRevenue",
      scheduled: false,
    });
    await expect(client().getBalance()).resolves.toMatchObject({
      amount: 99,
      unlimited: false,
      unit: "units",
      raw: "99",
    });
  });

  it("treats HTTP 200 with status:error as an error (bad token)", async () => {
    const error = await client({ apiToken: "wrong" })
      .getBalance()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "unauthorized", httpStatus: 200, providerMessage: "Unauthenticated." });
  });

  it("survives the HTML 401 page a client without the Accept header gets", async () => {
    const noAccept: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete("accept");
      return fetch(input, { ...init, headers });
    };
    const error = await client({ apiToken: "wrong", fetch: noAccept })
      .getBalance()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unauthorized", httpStatus: 401, providerMessage: null });
  });

  it("keeps the provider's message on 404 business errors", async () => {
    const c = client();
    await expect(
      c.sendSms({ recipient: "923001234567", senderId: "NotApprovedSender", message: "x" }),
    ).rejects.toMatchObject({
      code: "validation",
      httpStatus: 404,
      providerMessage: "Originator NotApprovedSender is not authorized to send this message",
    });
    await expect(c.sendSms({ recipient: "92300", senderId: "CafeRevenue", message: "x" })).rejects.toMatchObject({
      httpStatus: 404,
      providerMessage: "92300 is a invalid phone number",
    });
    await expect(c.sendSms({ recipient: "923001234567", senderId: "", message: "x" })).rejects.toMatchObject({
      providerMessage: "Sender ID required",
    });
    sandbox.state.setBalance(1);
    const short = await c
      .sendSms({ recipient: "923001234567", senderId: "CafeRevenue", message: "x".repeat(200) })
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(ProviderError);
    expect(short).toMatchObject({
      code: "insufficient_credit",
      providerMessage: "There is not enough balance available to send this message.You have 1 of the 2",
    });
    sandbox.state.setBalance(0);
    await expect(c.send({ to: "923001234567", text: "x" })).rejects.toMatchObject({
      code: "insufficient_credit",
      providerMessage: "You have exceeded your sending limit.",
    });
    expect(sandbox.state.handsets()).toEqual({});
  });

  it("maps 403 (missing ability / ≥3.7 failures) and validation errors", async () => {
    sandbox.state.addFault({ path: "/sms/send", fault: { type: "status", status: 403 } });
    await expect(client().send({ to: "923001234567", text: "x" })).rejects.toMatchObject({
      code: "forbidden",
      httpStatus: 403,
      providerMessage: "Sorry, but you do not have permissions to access this page.",
    });
    sandbox.state.addFault({ path: "/sms/send", fault: { type: "status", status: 402 } });
    await expect(client().send({ to: "923001234567", text: "x" })).rejects.toMatchObject({
      code: "insufficient_credit",
      httpStatus: 402,
    });
    sandbox.state.addFault({ path: "/balance", fault: { type: "status", status: 401 } });
    await expect(client().getBalance()).rejects.toMatchObject({ code: "unauthorized", httpStatus: 401 });
    sandbox.state.addFault({
      path: "/sms/send",
      fault: { type: "status", status: 200, body: { status: "error", message: "The given data was invalid." } },
    });
    const invalid = await client()
      .send({ to: "923001234567", text: "x" })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ProviderError);
    expect(invalid).toMatchObject({ code: "validation", httpStatus: 200 });

    const v37 = await startSmsappSandbox({ apiToken: TOKEN, version: "3.7", balance: 0 });
    try {
      const c = createSmsappClient({ baseUrl: v37.url, apiToken: TOKEN });
      await expect(c.send({ to: "923001234567", text: "x", from: "CafeRevenue" })).rejects.toMatchObject({
        code: "insufficient_credit",
        httpStatus: 403,
      });
      await expect(createSmsappClient({ baseUrl: v37.url, apiToken: "nope" }).getBalance()).rejects.toMatchObject({
        code: "unauthorized",
        httpStatus: 401,
      });
    } finally {
      await v37.stop();
    }
  });

  it("holds a schedule_time send until due (no uid is returned for campaigns)", async () => {
    const at = new Date(sandbox.state.now() + 2 * 3_600_000);
    const receipt = await client().send({ to: "923001234567", text: "Iftar deal tonight", sendAt: at });
    expect(receipt).toMatchObject({ providerMessageId: null, scheduled: true, cost: null });
    const body = sandbox.state.requests({ path: "/sms/send" })[0]?.body as Record<string, string>;
    expect(body.schedule_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await sandbox.state.advance(3_600_000);
    expect(sandbox.state.handset("923001234567")).toEqual([]);
    expect((await client().listMessages()).total).toBe(0);
    await sandbox.state.advance(3_600_000);
    expect(sandbox.state.handset("923001234567")).toHaveLength(1);
    expect((await client().listMessages()).items[0]?.message).toBe("Iftar deal tonight");
  });

  it("shows the status moving on after sending", async () => {
    sandbox.state.setOutcome("923331112223", "failed");
    const ok = await client().sendSms({ recipient: "923001234567", senderId: "CafeRevenue", message: "a" });
    const bad = await client().sendSms({ recipient: "923331112223", senderId: "CafeRevenue", message: "b" });
    await sandbox.state.settle();
    const okNow = await client().getMessage(ok.sms?.uid ?? "");
    expect(okNow.status).toMatchObject({
      label: "Delivered",
      gatewayMessageId: expect.any(String),
      state: "delivered",
    });
    expect((await client().getMessage(bad.sms?.uid ?? "")).status).toMatchObject({
      label: "Undelivered",
      state: "failed",
    });
    sandbox.state.setStatus(ok.sms?.uid ?? "", "UNDELIV|xyz");
    expect((await client().getMessage(ok.sms?.uid ?? "")).status).toEqual({
      raw: "UNDELIV|xyz",
      label: "UNDELIV",
      gatewayMessageId: "xyz",
      state: "failed",
    });
    await expect(client().getMessage("606812e63f78b")).rejects.toMatchObject({ code: "not_found", httpStatus: 200 });
  });

  it("reads /me without ever returning the token", async () => {
    const profile = await client().getProfile();
    expect(profile).toMatchObject({ firstName: "Sandbox", timezone: "Asia/Karachi" });
    expect(JSON.stringify(profile)).not.toContain(TOKEN);
  });

  it("reads an Unlimited balance", async () => {
    sandbox.state.addFault({
      path: "/balance",
      fault: {
        type: "status",
        status: 200,
        body: {
          status: "success",
          message: null,
          data: { remaining_unit: "Unlimited", expired_on: "31st Dec 25, 11:59 PM" },
        },
      },
    });
    await expect(client().getBalance()).resolves.toEqual({
      amount: null,
      unlimited: true,
      unit: "units",
      raw: "Unlimited",
      expiresOn: "31st Dec 25, 11:59 PM",
    });
  });
});

describe("smsapp.pk resilience", () => {
  const handset = () => sandbox.state.handset("923001234567").length;

  it("never retries a send after a 500 or a timeout once processed: one SMS each", async () => {
    sandbox.state.addFault({ path: "/sms/send", phase: "after", fault: { type: "status", status: 500 } });
    await expect(client().send({ to: "923001234567", text: "a" })).rejects.toMatchObject({
      code: "server_error",
      mayHaveBeenAccepted: true,
    });
    expect(handset()).toBe(1);
    sandbox.state.addFault({ path: "/sms/send", phase: "after", fault: { type: "hang" } });
    await expect(client({ timeoutMs: 150 }).send({ to: "923001234567", text: "b" })).rejects.toMatchObject({
      code: "timeout",
    });
    expect(handset()).toBe(2);
    expect(sandbox.state.requests({ path: "/sms/send" })).toHaveLength(2);
  });

  it("retries 429 before acceptance and reads after a 5xx", async () => {
    const retry = instantRetry();
    sandbox.state.addFault({ path: "/sms/send", fault: { type: "status", status: 429, retryAfterSeconds: 1 } });
    await client({ retry }).send({ to: "923001234567", text: "a" });
    expect(retry.sleeps).toEqual([1000]);
    expect(handset()).toBe(1);
    sandbox.state.addFault({ path: "/balance", fault: { type: "status", status: 502 } });
    await expect(client().getBalance()).resolves.toMatchObject({ amount: 99 });
  });

  it("turns a malformed body into bad_response", async () => {
    sandbox.state.addFault({ path: "/sms/*", fault: { type: "malformed" } });
    await expect(client().getMessage("abc")).rejects.toMatchObject({ code: "bad_response" });
  });

  it("never exposes the token in errors", async () => {
    sandbox.state.addFault({
      path: "/balance",
      fault: { type: "status", status: 404, body: { status: "error", message: `Bearer ${TOKEN} failed` } },
    });
    const error = (await client()
      .getBalance()
      .catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect([String(error), JSON.stringify(error), error.stack, error.userMessage].join()).not.toContain(TOKEN);
  });
});
