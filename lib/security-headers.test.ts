import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "./security-headers";

describe("security headers", () => {
  it("scripts only from this site with the request's nonce; no inline scripts, no framing, no plugins", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==", https: false, dev: false });
    const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("dev adds eval for React's error stacks; HTTPS adds upgrade-insecure-requests", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only behind HTTPS", () => {
    expect(strictTransportSecurity("https://sms.cafe-rose.dk")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(strictTransportSecurity("http://192.168.1.20:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });

  it("nonces are fresh and long", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
