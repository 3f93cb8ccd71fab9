import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDirectRoute } from "@/lib/runtime/direct-routes";
import { newKey } from "@/tests/support/api";
import { apiDirectRoute } from "./direct-route";
import { API_ROUTES } from "./handlers";

const routes = Object.fromEntries(Object.keys(API_ROUTES).map((path) => [path, apiDirectRoute]));

describe("the API as direct routes (answered before Next's router)", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (!serveDirectRoute(routes, req, res)) res.writeHead(299).end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("takes only the API's paths, answers them, refuses big bodies and never takes a cookie for a key", async () => {
    expect((await fetch(`${base}/contacts`)).status).toBe(299);
    expect((await fetch(`${base}/api/v1/openapi.json`)).status).toBe(200);
    const key = await newKey();
    const phone = `+4527${String(Date.now()).slice(-6)}`;
    const created = await fetch(`${base}/api/v1/guests?x=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const big = await fetch(`${base}/api/v1/guests`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ phone, notes: "x".repeat(40_000) }),
    });
    expect(big.status).toBe(413);
    const cookie = await fetch(`${base}/api/v1/guests`, {
      method: "POST",
      headers: { cookie: "authjs.session-token=abc", "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    expect(cookie.status).toBe(401);
    expect(cookie.headers.get("content-type")).toBe("application/problem+json");
  });
});
