import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";

// Issue #14 item 9: a server-action body sent chunked (no Content-Length) slipped past the size check to a 500.
describe("proxy server-action body guard", () => {
  const action = (init: { body?: BodyInit; headers?: Record<string, string> }) =>
    new NextRequest("http://localhost:3000/compose", {
      method: "POST",
      duplex: "half",
      ...init,
      headers: { "next-action": "abc", ...init.headers },
    } as ConstructorParameters<typeof NextRequest>[1]);

  it("refuses a body without a Content-Length (chunked) with a clear 411, and one over 1 MB with a 413", async () => {
    const chunked = proxy(action({ body: new Response("x".repeat(2_000_000)).body! }));
    expect(chunked.status).toBe(411);
    expect((await chunked.json()).error).toMatch(/Reload the page/);
    expect(proxy(action({ body: "[]", headers: { "content-length": "2000000" } })).status).toBe(413);
    expect([411, 413]).not.toContain(proxy(action({ body: "[]", headers: { "content-length": "2" } })).status); // on to sign-in
  });
});
