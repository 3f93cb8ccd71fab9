import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DirectRoutes, serveDirectRoute } from "./direct-routes";

const routes: DirectRoutes = {
  "/api/webhooks/test": async (query) =>
    query.get("fail") ? Promise.reject(new Error("database down")) : { status: 202, body: { ref: query.get("ref") } },
};
let origin = "";
const server = http.createServer((req, res) => {
  if (serveDirectRoute(routes, req, res)) return;
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
  it("answer their exact path for GET and POST from the query string, ignoring a body", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await fetch(`${origin}/api/webhooks/test?ref=a%26b`, {
        method,
        body: method === "POST" ? "ignored" : undefined,
      });
      expect(res.status).toBe(202);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(await res.json()).toEqual({ ref: "a&b" });
    }
  });

  it("leave other paths and methods to Next", async () => {
    for (const [method, path] of [
      ["PUT", "/api/webhooks/test"],
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
