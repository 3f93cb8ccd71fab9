import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CpsmsSandbox, startCpsmsSandbox } from "./server";

let sandbox: CpsmsSandbox;
const AUTH = `Basic ${Buffer.from("sandbox:sandbox-cpsms-api-key").toString("base64")}`;

beforeAll(async () => {
  sandbox = await startCpsmsSandbox({ credit: 100, dlr: { delayMs: 1 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.state.reset());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { Authorization: AUTH, ...headers },
    body:
      body === undefined
        ? undefined
        : typeof body === "string"
          ? body
          : body instanceof Uint8Array
            ? Uint8Array.from(body)
            : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

describe("CPSMS emulator vs providers.md examples", () => {
  it("send to one number (no Content-Type, like the official curl example)", async () => {
    const body = {
      to: "4520202020",
      message: "Hej Åse, din tid er kl. 10",
      from: "Klinik",
      reference: "appt-991",
      dlr_url: "https://example.test/dlr?id=appt-991",
    };
    expect(await call("POST", "/send", body)).toEqual({
      status: 200,
      json: { success: [{ to: "4520202020", cost: 1, smsAmount: 1 }] },
    });
  });

  it("parses a JSON body labelled as a form (PHP client)", async () => {
    const result = await call(
      "POST",
      "/send",
      { to: "4520202020", message: "Hi" },
      { "Content-Type": "application/x-www-form-urlencoded" },
    );
    expect(result.status).toBe(200);
  });

  it("several recipients, one bad: 207 with errorCode/errMsg", async () => {
    const result = await call("POST", "/send", { to: ["4520202020", "4530303030", "21314181"], message: "Hi" });
    expect(result.status).toBe(207);
    expect(result.json).toMatchObject({
      success: [
        { to: "4520202020", cost: 1 },
        { to: "4530303030", cost: 1 },
      ],
      error: [{ errorCode: 400, errMsg: "Phone number length and country code do not match.", to: "21314181" }],
    });
  });

  it("all recipients invalid: 400 with only the error array; + and letters are 409 per recipient", async () => {
    const result = await call("POST", "/send", { to: ["+4520202020", "45abc"], message: "Hi" });
    expect(result).toEqual({
      status: 400,
      json: {
        error: [
          { errorCode: 409, errMsg: "Phone number should be specified as a number", to: "+4520202020" },
          { errorCode: 409, errMsg: "Phone number should be specified as a number", to: "45abc" },
        ],
      },
    });
  });

  it("prices foreign numbers fractionally and multi-part texts per segment", async () => {
    const result = await call("POST", "/send", { to: ["46701234567", "4520202020"], message: "x".repeat(200) });
    expect(result.json).toEqual({
      success: [
        { to: "46701234567", cost: 3.2, smsAmount: 2 },
        { to: "4520202020", cost: 2, smsAmount: 2 },
      ],
    });
    expect(sandbox.state.balance()).toBe(94.8);
  });

  it("creditvalue is a Danish-format string", async () => {
    sandbox.state.setBalance(9843.4);
    expect(await call("GET", "/creditvalue")).toEqual({ status: 200, json: { credit: "9.843,40" } });
  });

  it("scheduled send then cancel by path", async () => {
    const timestamp = Math.floor(sandbox.state.now() / 1000) + 3600;
    expect(
      (await call("POST", "/send", { to: "4520202020", message: "...", timestamp, reference: "job-42" })).status,
    ).toBe(200);
    expect(await call("DELETE", "/deletesms/job-42")).toEqual({ status: 200, json: { Success: "SMS(s) deleted" } });
    expect(await call("DELETE", "/deletesms", { reference: "job-42" })).toEqual({
      status: 409,
      json: { error: { code: 409, message: "No scheduled SMS with that reference" } },
    });
  });

  it("groups and contacts, JSON and path variants", async () => {
    expect(await call("POST", "/addgroup", { groupName: "VIP" })).toEqual({
      status: 200,
      json: { groupId: "11986", groupName: "VIP" },
    });
    expect(await call("GET", "/listgroups")).toEqual({ status: 200, json: [{ groupId: 11986, groupName: "VIP" }] });
    expect(
      await call("POST", "/addcontact", { groupId: 11986, phoneNumber: "4520202020", contactName: "Åse" }),
    ).toEqual({
      status: 200,
      json: { Success: "Contact created/added in group" },
    });
    const contacts = await call("GET", "/listcontacts/11986");
    expect(contacts).toEqual({
      status: 200,
      json: [{ phoneNumber: "4520202020", contactName: "Åse", timeAdded: expect.any(Number) }],
    });

    expect((await call("POST", "/addgroup/Frokost")).json).toEqual({ groupId: "11987", groupName: "Frokost" });
    expect((await call("POST", `/addcontact/11987/4530303030/${encodeURIComponent("Bo B")}`)).status).toBe(200);
    expect((await call("PUT", "/updatecontact/11987/4530303030/Bo")).json).toEqual({ Success: "Contact updated" });
    expect((await call("PUT", "/updategroup/11987/Lunch")).json).toEqual({ Success: "groupId 11987 Updated" });
    expect((await call("GET", "/listgroupmembership/4530303030")).json).toEqual({
      success: [{ groupId: 11987, groupName: "Lunch" }],
    });
    expect((await call("DELETE", "/deletegroup/11987")).status).toBe(409);
    expect((await call("DELETE", "/deletecontact/11987/4530303030")).json).toEqual({
      Success: "Contact deleted/removed",
    });
    expect((await call("DELETE", "/deletegroup/11987")).json).toEqual({ Success: "Group 11987 deleted" });
    expect((await call("GET", "/listcontacts/999")).status).toBe(400);
  });

  it("sendgroup sends one SMS per member and refuses empty groups", async () => {
    await call("POST", "/addgroup", { groupName: "Tom" });
    expect((await call("POST", "/sendgroup", { to_group: 11986, message: "Hi" })).status).toBe(409);
    await call("POST", "/addcontact", { groupId: 11986, phoneNumber: "4520202020" });
    expect(await call("POST", "/sendgroup", { to_group: 11986, message: "Hi" })).toEqual({
      status: 200,
      json: { success: [{ to: "4520202020", cost: 1, smsAmount: 1 }] },
    });
  });

  it("simplesend takes its parameters from the path", async () => {
    const result = await call("GET", `/simplesend/4520202020,4530303030/${encodeURIComponent("Hej med dig")}/Cafe`);
    expect(result.status).toBe(200);
    expect(sandbox.state.handset("4530303030")[0]).toMatchObject({ text: "Hej med dig", from: "Cafe" });
  });
});

describe("CPSMS emulator rules", () => {
  it("authenticates with Basic auth (401 otherwise)", async () => {
    const response = await fetch(`${sandbox.url}/creditvalue`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 401, message: "Invalid username or API key" } });
    const wrong = await fetch(`${sandbox.url}/creditvalue`, {
      headers: { Authorization: `Basic ${Buffer.from("sandbox:nope").toString("base64")}` },
    });
    expect(wrong.status).toBe(401);
  });

  it("answers 404 for unknown methods, wrong verbs and paths outside /v2", async () => {
    expect((await call("GET", "/nosuchthing")).status).toBe(404);
    expect((await call("GET", "/send")).status).toBe(404);
    expect((await fetch(`${sandbox.origin}/v3/send`)).status).toBe(404);
  });

  it("validates the message, sender, encoding, format and dlr_url", async () => {
    const send = (extra: Record<string, unknown>) =>
      call("POST", "/send", { to: "4520202020", message: "Hi", ...extra });
    expect((await send({ message: "x".repeat(1531) })).status).toBe(400);
    expect((await send({ message: "x".repeat(1530) })).status).toBe(200);
    expect((await send({ from: "TwelveChars!" })).status).toBe(400);
    expect((await send({ from: "1234567890123456" })).status).toBe(400);
    expect((await send({ from: "123456789012345" })).status).toBe(200);
    expect((await send({ from: "Café#" })).status).toBe(406);
    expect((await send({ encoding: "latin1" })).status).toBe(409);
    expect((await send({ format: "UTF16" })).status).toBe(409);
    expect((await send({ dlr_url: "not a url" })).status).toBe(409);
    expect((await send({ reference: "r".repeat(33) })).status).toBe(400);
    expect((await call("POST", "/send", "{not json")).status).toBe(400);
    expect((await call("POST", "/send?to=4520202020&message=Hi")).status).toBe(400); // send is JSON-only
  });

  it("strips characters GSM-7 cannot carry unless format is UNICODE, and honours ISO-8859-1", async () => {
    await call("POST", "/send", { to: "4520202020", message: "Tak 😀!" });
    await call("POST", "/send", { to: "4520202020", message: "Tak 😀!", format: "UNICODE" });
    const latin1 = Buffer.from(
      JSON.stringify({ to: "4520202020", message: "Bilen KØRER", encoding: "ISO-8859-1" }),
      "latin1",
    );
    await call("POST", "/send", latin1);
    expect(sandbox.state.handset("4520202020").map((m) => m.text)).toEqual(["Tak !", "Tak 😀!", "Bilen KØRER"]);
  });

  it("rate-limits getlog to one call per two minutes and supports all its forms", async () => {
    await call("POST", "/send", { to: ["4520202020", "4530303030"], message: "Hi", reference: "r1" });
    const all = await call("GET", "/getlog");
    expect(all.status).toBe(200);
    expect(all.json).toHaveLength(2);
    expect(await call("GET", "/getlog")).toEqual({
      status: 406,
      json: { error: { code: 406, message: "The log can only be fetched once every 2 minutes" } },
    });
    await sandbox.state.advance(120_000);
    expect((await call("GET", "/getlog/4530303030")).json).toEqual([
      expect.objectContaining({
        to: "4530303030",
        userReference: "r1",
        pointPrice: 1,
        smsAmount: 1,
        timeSent: expect.any(Number),
      }),
    ]);
    await sandbox.state.advance(120_000);
    const now = Math.floor(sandbox.state.now() / 1000);
    expect((await call("GET", `/getlog/${now - 3600}/${now - 1800}`)).status).toBe(409); // nothing in that window
    await sandbox.state.advance(120_000);
    expect((await call("GET", `/getlog?to=4520202020&fromDate=${now - 3600}&toDate=${now}`)).json).toHaveLength(1);
  });
});

describe("CPSMS control API over HTTP", () => {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.origin}/_sandbox${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it("injects faults by path for the next N requests", async () => {
    const added = await control("POST", "/faults", {
      rules: [{ path: "/creditvalue", times: 2, fault: { type: "status", status: 503, retryAfterSeconds: 7 } }],
    });
    expect(added.json.faults).toEqual([
      expect.objectContaining({ id: expect.any(String), remaining: 2, path: "/creditvalue" }),
    ]);
    const first = await fetch(`${sandbox.url}/creditvalue`, { headers: { Authorization: AUTH } });
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(await first.json()).toEqual({ error: { code: 503, message: "Service unavailable" } });
    expect((await call("GET", "/creditvalue")).status).toBe(503);
    expect((await call("GET", "/creditvalue")).status).toBe(200);
    expect((await call("POST", "/send", { to: "4520202020", message: "x" })).status).toBe(200);
    expect((await control("GET", "/faults")).json.faults).toEqual([]);
    expect((await control("POST", "/faults", { fault: { type: "explode" } })).status).toBe(400);
  });

  it("exposes handsets, balance, clock, settle, dlr and reset", async () => {
    await control("POST", "/balance", { balance: 5 });
    expect((await control("POST", "/outcomes", { number: "4520202020", outcome: "failed" })).status).toBe(200);
    await call("POST", "/send", { to: "4520202020", message: "Hi", dlr_url: "http://127.0.0.1:9/unused" });
    const inbox = await control("GET", "/handsets/4520202020");
    expect(inbox.json).toMatchObject({
      number: "4520202020",
      messages: [{ text: "Hi", from: "CafeRevenue", segments: 1 }],
    });
    const receivedAtMs = (inbox.json.messages as { receivedAtMs: number }[])[0]!.receivedAtMs;
    expect((await control("GET", "/received")).json).toEqual({
      handsets: 1,
      messages: 1,
      lastReceivedAtMs: receivedAtMs,
    });
    expect((await control("GET", "/balance")).json).toEqual({ balance: 4 });
    expect((await control("POST", "/settle")).json).toEqual({ settled: expect.any(Number) });
    expect((await control("GET", "/dlr")).json.reports).toEqual([
      expect.objectContaining({ status: 2, receiver: "4520202020", responseStatus: null }),
    ]);
    expect((await control("GET", "/handsets/4520202020")).json).toMatchObject({ messages: [{ status: "failed" }] });
    const before = sandbox.state.now();
    const advanced = await control("POST", "/clock/advance", { seconds: 600 });
    expect(advanced.json.now as number).toBeGreaterThanOrEqual(before + 600_000);
    expect(((await control("GET", "/requests?path=/send")).json.requests as unknown[]).length).toBe(1);
    await control("POST", "/reset");
    expect((await control("GET", "/handsets")).json).toEqual({ handsets: {} });
    expect((await control("GET", "/received")).json).toEqual({ handsets: 0, messages: 0, lastReceivedAtMs: null });
    expect((await control("GET", "/balance")).json).toEqual({ balance: 100 });
    expect((await control("GET", "/nope")).status).toBe(404);
  });
});
