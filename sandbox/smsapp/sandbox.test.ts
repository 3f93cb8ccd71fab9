import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmsappSandbox, startSmsappSandbox } from "./server";

const TOKEN = "sandbox-smsapp-token";
let sandbox: SmsappSandbox;

beforeAll(async () => {
  sandbox = await startSmsappSandbox({
    balance: 2350,
    expiresAt: new Date("2025-12-31T18:59:00Z"),
    delivery: { delayMs: 1 },
  });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      Accept: "application/json",
      "Content-Type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text) as Record<string, unknown>,
  };
}

describe("smsapp.pk emulator vs providers.md examples", () => {
  it("single send returns the SMS object", async () => {
    const result = await call("POST", "/sms/send", {
      recipient: "923001234567",
      sender_id: "SMSAPP",
      type: "plain",
      message: "Your code is 4821",
    });
    expect(result).toEqual({
      status: 200,
      json: {
        status: "success",
        message: "Your message was successfully delivered",
        data: {
          uid: expect.stringMatching(/^[0-9a-f]{13}$/),
          to: "923001234567",
          from: "SMSAPP",
          message: "Your code is 4821",
          status: "Delivered",
          cost: 1,
        },
      },
    });
  });

  it("accepts a form-encoded body too", async () => {
    const body = new URLSearchParams({ recipient: "923001234567", sender_id: "SMSAPP", message: "Hi" }).toString();
    const result = await call("POST", "/sms/send", body, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(result.json.status).toBe("success");
  });

  it("balance: formatted units and a jS M y, g:i A expiry in the account timezone", async () => {
    expect(await call("GET", "/balance")).toEqual({
      status: 200,
      json: {
        status: "success",
        message: null,
        data: { remaining_unit: "2,350", expired_on: "31st Dec 25, 11:59 PM" },
      },
    });
    sandbox.state.setBalance(1234.5);
    expect(((await call("GET", "/balance")).json.data as Record<string, string>).remaining_unit).toBe("1,234.50");
  });

  it("/me returns the profile including api_token", async () => {
    const data = (await call("GET", "/me")).json.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([
      "api_token",
      "email",
      "first_name",
      "last_access_at",
      "last_name",
      "locale",
      "timezone",
      "uid",
    ]);
    expect(data.api_token).toBe(TOKEN);
  });

  it("pages /sms like the example: page 2 of 87", async () => {
    for (let i = 0; i < 87; i++)
      sandbox.state.deliver({ to: "923001234567", from: "SMSAPP", message: `m${i}`, type: "plain" });
    const base = `${sandbox.url}/sms`;
    const data = (await call("GET", "/sms?page=2")).json.data as Record<string, unknown>;
    expect(data).toMatchObject({
      current_page: 2,
      first_page_url: `${base}?page=1`,
      from: 26,
      last_page: 4,
      last_page_url: `${base}?page=4`,
      next_page_url: `${base}?page=3`,
      path: base,
      per_page: 25,
      prev_page_url: `${base}?page=1`,
      to: 50,
      total: 87,
    });
    expect((data.data as unknown[]).length).toBe(25);
    expect(Object.keys((data.data as Array<Record<string, unknown>>)[0] ?? {}).sort()).toEqual([
      "cost",
      "from",
      "message",
      "status",
      "to",
      "uid",
    ]);
    expect(data.links).toEqual([
      { url: `${base}?page=1`, label: "&laquo; Previous", active: false },
      { url: `${base}?page=1`, label: "1", active: false },
      { url: `${base}?page=2`, label: "2", active: true },
      { url: `${base}?page=3`, label: "3", active: false },
      { url: `${base}?page=4`, label: "4", active: false },
      { url: `${base}?page=3`, label: "Next &raquo;", active: false },
    ]);
    const last = (await call("GET", "/sms/?page=4")).json.data as Record<string, unknown>;
    expect(last).toMatchObject({ current_page: 4, from: 76, to: 87, next_page_url: null, path: base });
    const beyond = (await call("GET", "/sms?page=9")).json.data as Record<string, unknown>;
    expect(beyond).toMatchObject({
      current_page: 9,
      data: [],
      from: null,
      to: null,
      last_page: 4,
      next_page_url: null,
      prev_page_url: `${base}?page=8`,
    });
    expect(((await call("GET", "/sms?page=abc")).json.data as Record<string, unknown>).current_page).toBe(1);
  });

  it("windows the links with '...' for many pages", async () => {
    for (let i = 0; i < 400; i++)
      sandbox.state.deliver({ to: "923001234567", from: "SMSAPP", message: "m", type: "plain" });
    const labels = async (page: number) =>
      (
        ((await call("GET", `/sms?page=${page}`)).json.data as Record<string, unknown>).links as Array<{
          label: string;
        }>
      )
        .map((l) => l.label)
        .slice(1, -1);
    expect(await labels(1)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "...", "15", "16"]);
    expect(await labels(8)).toEqual(["1", "2", "...", "5", "6", "7", "8", "9", "10", "11", "...", "15", "16"]);
    expect(await labels(16)).toEqual(["1", "2", "...", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"]);
  });
});

describe("smsapp.pk emulator rules", () => {
  it("without Accept: application/json a bad token gets an HTML 401 page", async () => {
    const response = await fetch(`${sandbox.url}/balance`, { headers: { Authorization: "Bearer wrong" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<!DOCTYPE html>");
  });

  it("with Accept: application/json it answers HTTP 200 status:error (3.1)", async () => {
    expect(await call("GET", "/balance", undefined, { Authorization: "" })).toEqual({
      status: 200,
      json: { status: "error", message: "Unauthenticated." },
    });
  });

  it("validation failures are HTTP 200; business failures 404", async () => {
    expect(await call("POST", "/sms/send", { sender_id: "SMSAPP", message: "x" })).toEqual({
      status: 200,
      json: { status: "error", message: "The given data was invalid." },
    });
    expect(
      await call("POST", "/sms/send", { recipient: "923001234567", sender_id: "SMSAPP", message: "x", type: "fax" }),
    ).toEqual({
      status: 404,
      json: {
        status: "error",
        message: "Please insert valid sms type called plain, unicode, voice, mms, and whatsapp.",
        data: null,
      },
    });
    expect(
      (await call("POST", "/sms/send", { recipient: "923001234567", sender_id: "SMSAPP", message: "x", type: "voice" }))
        .json.message,
    ).toBe("Language and gender parameters are required");
    expect(
      (
        await call("POST", "/sms/send", {
          recipient: "923001234567",
          sender_id: "SMSAPP",
          message: "x",
          schedule_time: "tomorrow",
        })
      ).status,
    ).toBe(200);
    expect((await call("GET", "/sms/606812e63f78b")).json).toEqual({
      status: "error",
      message: "No query results for model [App\\Models\\Reports] 606812e63f78b",
    });
    expect(await call("GET", "/nothing")).toEqual({ status: 200, json: { status: "error", message: "" } }); // more in fidelity.test.ts
  });

  it("routes one comma to a campaign; 3.1 fails longer lists, 3.7 does not", async () => {
    const campaign = await call("POST", "/sms/send", {
      recipient: "923001234567,923331112223",
      sender_id: "SMSAPP",
      message: "x",
    });
    expect(campaign.json).toEqual({
      status: "success",
      message:
        "Your campaign successfully store and is being produced in the background. Track the process in the Reports -> Campaigns Menu",
      data: null,
    });
    expect(Object.keys(sandbox.state.handsets()).sort()).toEqual(["923001234567", "923331112223"]);
    const three = await call("POST", "/sms/send", {
      recipient: "923001234567,923331112223,923451234567",
      sender_id: "SMSAPP",
      message: "x",
    });
    expect(three.status).toBe(404);

    const v37 = await startSmsappSandbox({ version: "3.7" });
    try {
      const response = await fetch(`${v37.url}/sms/send`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({
          recipient: "923001234567,923331112223,923451234567",
          sender_id: "SMSAPP",
          message: "x",
        }),
      });
      expect(response.status).toBe(200);
      expect(Object.keys(v37.state.handsets())).toHaveLength(3);
    } finally {
      await v37.stop();
    }
  });

  it("bulk: at most 50 items, items with missing fields skipped", async () => {
    const tooMany = Array.from({ length: 51 }, () => ({ contact: 923001234567, message: "x", type: "text" }));
    expect((await call("POST", "/sms/send-bulk-messages", tooMany)).json).toMatchObject({ status: "error" });
    expect(sandbox.state.handsets()).toEqual({});
    const result = await call("POST", "/sms/send-bulk-messages", [
      { contact: 923001234567, message: "ok", type: "text" },
      { contact: 923331112223, type: "text" },
      { message: "no contact", type: "text" },
      { contact: 923451234567, message: "http://via.placeholder.com/400", type: "image" },
    ]);
    expect(result.status).toBe(200);
    expect((result.json.data as unknown[]).length).toBe(2);
    expect(Object.keys(sandbox.state.handsets()).sort()).toEqual(["923001234567", "923451234567"]);
    expect((await call("POST", "/sms/send-bulk-messages", { contact: 1 })).json.status).toBe("error");
  });

  it("control API: flip a status, settle outcomes", async () => {
    const sent = await call("POST", "/sms/send", { recipient: "923001234567", sender_id: "SMSAPP", message: "x" });
    const uid = (sent.json.data as { uid: string }).uid;
    const flip = await fetch(`${sandbox.origin}/_sandbox/messages/${uid}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "Undelivered|abc" }),
    });
    expect(flip.status).toBe(200);
    expect(((await call("GET", `/sms/${uid}`)).json.data as { status: string }).status).toBe("Undelivered|abc");
    expect(
      (await fetch(`${sandbox.origin}/_sandbox/messages/nope/status`, { method: "POST", body: "{}" })).status,
    ).toBe(400);
  });
});
