import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMSAPP_VERSIONS } from "../variants";
import { type SmsappSandbox, startSmsappSandbox } from "./server";

/*
 * Ultimate SMS 3.1 (Hudair/sms): app/Exceptions/Handler.php answers every exception with HTTP 200
 * {"status":"error","message":<exception message>} when the request wantsJson(). Routing runs before any route
 * middleware, so unknown routes and wrong verbs depend only on the client's Accept header (never on the token).
 * Laravel 8 throws NotFoundHttpException without a message, and MethodNotAllowedHttpException with
 * "The X method is not supported for this route. Supported methods: A, B." (verbs in Router::$verbs order).
 */
const TOKEN = "sandbox-smsapp-token";
const JSON_HEADERS = {
  Authorization: `Bearer ${TOKEN}`,
  Accept: "application/json",
  "Content-Type": "application/json",
};

describe.each(SMSAPP_VERSIONS)("smsapp.pk %s: errors a client that asks for JSON gets", (version) => {
  let sandbox: SmsappSandbox;
  beforeAll(async () => {
    sandbox = await startSmsappSandbox({ version });
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.state.reset());

  async function call(method: string, path: string, headers: Record<string, string> = JSON_HEADERS, body?: unknown) {
    const response = await fetch(`${sandbox.origin}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: text.startsWith("{") ? (JSON.parse(text) as unknown) : text,
    };
  }
  const notSupported = (method: string, allowed: string) => ({
    status: 200,
    type: expect.stringContaining("application/json"),
    body: {
      status: "error",
      message: `The ${method} method is not supported for this route. Supported methods: ${allowed}.`,
    },
  });
  const notFound = {
    status: 200,
    type: expect.stringContaining("application/json"),
    body: { status: "error", message: "" },
  };

  it("an unknown route: HTTP 200 with an empty message, with or without a valid token", async () => {
    expect(await call("GET", "/api/v3/nothing")).toEqual(notFound);
    expect(await call("POST", "/api/v3/sms/send/extra")).toEqual(notFound);
    expect(await call("GET", "/api/v3")).toEqual(notFound);
    expect(await call("GET", "/api/v2/balance")).toEqual(notFound);
    expect(await call("GET", "/api/v3/nothing", { Accept: "application/json" })).toEqual(notFound);
  });

  it("a wrong verb: HTTP 200 naming the verbs the path takes, before the token is looked at", async () => {
    expect(await call("DELETE", "/api/v3/sms")).toEqual(notSupported("DELETE", "GET, HEAD"));
    expect(await call("DELETE", "/api/v3/sms/send")).toEqual(notSupported("DELETE", "GET, HEAD, POST"));
    expect(await call("POST", "/api/v3/balance")).toEqual(notSupported("POST", "GET, HEAD"));
    expect(await call("GET", "/api/v3/contacts/abc")).toEqual(notSupported("GET", "PUT, PATCH, DELETE"));
    expect(await call("GET", "/api/v3/contacts/abc/show")).toEqual(notSupported("GET", "POST"));
    expect(await call("PUT", "/api/v3/contacts/abc/update/def")).toEqual(notSupported("PUT", "PATCH"));
    expect(await call("PATCH", "/api/v3/contacts")).toEqual(notSupported("PATCH", "GET, HEAD, POST"));
    expect(await call("DELETE", "/api/v3/sms", { Accept: "application/json", Authorization: "Bearer wrong" })).toEqual(
      notSupported("DELETE", "GET, HEAD"),
    );
  });

  it("judges 'asks for JSON' by the first type in Accept, as Laravel's wantsJson() does", async () => {
    expect(await call("GET", "/api/v3/nothing", { Accept: "application/json, text/plain, */*" })).toEqual(notFound);
    expect(await call("GET", "/api/v3/nothing", { Accept: "application/vnd.api+json" })).toEqual(notFound);
    expect((await call("GET", "/api/v3/nothing", { Accept: "text/html, application/json" })).status).toBe(404);
  });

  it("without Accept: application/json, route errors are the production HTML 404 page", async () => {
    for (const [method, path] of [
      ["GET", "/api/v3/nothing"],
      ["DELETE", "/api/v3/sms"],
    ] as const) {
      const result = await call(method, path, { Authorization: `Bearer ${TOKEN}` });
      expect(result).toMatchObject({ status: 404, type: expect.stringContaining("text/html") });
      expect(result.body).toContain("<!DOCTYPE html>");
    }
    const badToken = await call("GET", "/api/v3/balance", { Authorization: "Bearer wrong" });
    expect(badToken).toMatchObject({ status: 401, type: expect.stringContaining("text/html") });
    // Bindings run before the middleware that forces JSON: a production install shows its 500 page.
    const unknownUid = await call("GET", "/api/v3/sms/606812e63f78b", { Authorization: `Bearer ${TOKEN}` });
    expect(unknownUid).toMatchObject({ status: 500, type: expect.stringContaining("text/html") });
    // Validation runs after it: JSON whatever the client asked for.
    expect(await call("POST", "/api/v3/sms/send", { Authorization: `Bearer ${TOKEN}` })).toMatchObject({
      status: 200,
      body: { status: "error", message: "The given data was invalid." },
    });
  });

  it("HEAD answers where GET does; OPTIONS lists the verbs", async () => {
    expect(await call("HEAD", "/api/v3/balance")).toMatchObject({ status: 200, body: "" });
    const options = await fetch(`${sandbox.url}/sms/abc`, { method: "OPTIONS" });
    expect(options.status).toBe(200);
    expect(options.headers.get("allow")).toBe("GET,HEAD");
  });

  it("updates a contact group with PUT as well as PATCH (a Laravel resource route)", async () => {
    const created = (await call("POST", "/api/v3/contacts", JSON_HEADERS, { name: "VIP" })).body as {
      data: { uid: string };
    };
    const uid = created.data.uid;
    expect(await call("PUT", `/api/v3/contacts/${uid}`, JSON_HEADERS, { name: "Regulars" })).toMatchObject({
      status: 200,
      body: { status: "success", message: "Contact group was successfully updated", data: { uid, name: "Regulars" } },
    });
    expect((await call("PATCH", `/api/v3/contacts/${uid}`, JSON_HEADERS, { name: "VIP" })).body).toMatchObject({
      data: { name: "VIP" },
    });
    expect((await call("PUT", "/api/v3/contacts/nope", JSON_HEADERS, { name: "x" })).body).toEqual({
      status: "error",
      message: "No query results for model [App\\Models\\ContactGroups] nope",
    });
  });
});

describe("smsapp.pk 3.1: controller errors written as plain JSON", () => {
  let sandbox: SmsappSandbox;
  beforeAll(async () => {
    sandbox = await startSmsappSandbox({ version: "3.1" });
  });
  afterAll(() => sandbox.stop());

  it("voice and mms parameter problems come back with HTTP 200 and no data (CampaignController::smsSend)", async () => {
    const send = async (extra: Record<string, unknown>) => {
      const response = await fetch(`${sandbox.url}/sms/send`, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ recipient: "923001234567", sender_id: "SMSAPP", message: "x", ...extra }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await send({ type: "voice" })).toEqual({
      status: 200,
      body: { status: "error", message: "Language and gender parameters are required" },
    });
    expect(await send({ type: "mms" })).toEqual({
      status: 200,
      body: { status: "error", message: "media_url parameter is required" },
    });
    expect(await send({ type: "mms", media_url: "not a url" })).toEqual({
      status: 200,
      body: { status: "error", message: "Valid media url is required." },
    });
  });
});
