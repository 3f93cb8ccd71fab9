import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "@/lib/env";
import proxy from "@/proxy";

// proxy.ts wires lib/security-headers.ts into every response; HSTS depends on PUBLIC_URL at run time.
describe("proxy security headers", () => {
  afterEach(() => setRuntimeEnv({ PUBLIC_URL: "" }));

  it("behind HTTPS: HSTS and upgrade-insecure-requests, on pages and on redirects", () => {
    setRuntimeEnv({ PUBLIC_URL: "https://sms.cafe-rose.dk" });
    for (const request of [
      new NextRequest("https://sms.cafe-rose.dk/sign-in"),
      new NextRequest("https://sms.cafe-rose.dk/history"), // signed out: redirected
    ]) {
      const response = proxy(request);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
  });

  it("on plain http: no HSTS; the page render gets the same nonce as the response", () => {
    setRuntimeEnv({ PUBLIC_URL: "http://192.168.1.20:3000" });
    const response = proxy(new NextRequest("http://192.168.1.20:3000/sign-in"));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).not.toContain("upgrade-insecure-requests");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) passes overridden request headers as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });
});
