import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DirectRoutes, serveDirectRoute } from "./direct-routes";

const routes: DirectRoutes = {
  "/api/webhooks/test": {
    methods: ["GET", "POST"],
    maxBodyBytes: 0,
    answer: async ({ query }) =>
      query.get("fail") ? Promise.reject(new Error("database down")) : { status: 202, body: { ref: query.get("ref") } },
  },
  "/api/form": {
    methods: ["POST"],
    maxBodyBytes: 100,
    answer: async ({ body, clientAddress, headers }) =>
      body === "go=back"
        ? { status: 303, location: "/done?x=1" }
        : { status: 200, body: { body, clientAddress, type: headers["content-type"] } },
  },
};
let origin = "";
const server = http.createServer((req, res) => {
  if (serveDirectRoute(routes, req, res, "10.0.0.9")) return;
  res.writeHead(299).end("next"); // stands in for Next's handler
});
beforeAll(
  () =>
    new Promise<void>((r) =>
      server.listen(0, "127.0.0.1", () => {
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        r();
      }),
    ),
);
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("direct routes", () => {
  it("answer their exact path for their methods from the query string, ignoring a body they don't read", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await fetch(`${origin}/api/webhooks/test?ref=a%26b`, {
        method,
        body: method === "POST" ? "ignored" : undefined,
      });
      expect(res.status).toBe(202);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d$/);
      expect(await res.json()).toEqual({ ref: "a&b" });
    }
  });

  it("read a body within the route's limit and pass the server's client address", async () => {
    const res = await fetch(`${origin}/api/form`, {
      method: "POST",
      body: new URLSearchParams({ a: "æ ø" }),
    });
    expect(await res.json()).toEqual({
      body: "a=%C3%A6+%C3%B8",
      clientAddress: "10.0.0.9",
      type: "application/x-www-form-urlencoded;charset=UTF-8",
    });
  });

  it("redirect when the answer names a location", async () => {
    const res = await fetch(`${origin}/api/form`, { method: "POST", body: "go=back", redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/done?x=1");
  });

  it("refuse a body over the limit, declared or streamed, with 413 and nothing run", async () => {
    const declared = await fetch(`${origin}/api/form`, { method: "POST", body: "x".repeat(101) });
    expect(declared.status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${origin}/api/form`, { method: "POST", headers: { "transfer-encoding": "chunked" } });
      req.on("response", (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject);
      req.write("x".repeat(60));
      req.write("x".repeat(60));
      req.end();
    });
    expect(streamed).toBe(413);
  });

  it("leave other paths and methods to Next", async () => {
    for (const [method, path] of [
      ["PUT", "/api/webhooks/test"],
      ["GET", "/api/form"],
      ["GET", "/api/webhooks/test/extra"],
      ["GET", "/api/webhooks/TEST"],
      ["GET", "/toString"],
    ]) {
      const res = await fetch(`${origin}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(299);
    }
  });

  it("answer a failing handler with a plain 500, no details", async () => {
    const res = await fetch(`${origin}/api/webhooks/test?fail=1`, { method: "POST" });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "internal error" });
  });
});
