import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, isSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>, url = "http://localhost:3210/contacts/import/run") =>
  new Request(url, { method: "POST", headers });

describe("same-origin guard for route handlers", () => {
  const publicUrl = process.env.PUBLIC_URL;
  afterEach(() => {
    if (publicUrl === undefined) delete process.env.PUBLIC_URL;
    setRuntimeEnv({ PUBLIC_URL: publicUrl });
  });

  it("takes the app's own origin and refuses another port of the same host, other sites, null and none", () => {
    expect(isSameOrigin(post({ host: "localhost:3210", origin: "http://localhost:3210" }))).toBe(true);
    expect(isSameOrigin(post({ host: "LOCALHOST:3210", origin: "http://localhost:3210" }))).toBe(true);
    for (const origin of [
      "http://localhost:3211",
      "http://localhost",
      "http://127.0.0.1:3210",
      "https://evil.example",
      "null",
      "",
      "http://localhost:3210.evil.example",
      "http://localhost:3210/x",
    ]) {
      expect(isSameOrigin(post({ host: "localhost:3210", origin })), origin).toBe(false);
    }
    expect(isSameOrigin(post({ host: "localhost:3210" }))).toBe(false);
    expect(() => assertSameOrigin(post({ host: "localhost:3210", origin: "http://localhost:3211" }))).toThrow(AppError);
  });

  it("takes PUBLIC_URL's origin (the address guests and staff use behind a proxy)", () => {
    setRuntimeEnv({ PUBLIC_URL: "https://sms.cafe.dk" });
    expect(
      isSameOrigin(post({ host: "127.0.0.1:3000", origin: "https://sms.cafe.dk" }, "http://127.0.0.1:3000/x")),
    ).toBe(true);
    expect(
      isSameOrigin(post({ host: "127.0.0.1:3000", origin: "https://evil.cafe.dk" }, "http://127.0.0.1:3000/x")),
    ).toBe(false);
  });

  it("is used by every state-changing route handler (only the signed CPSMS webhook and Auth.js's own are exempt)", () => {
    // Auth.js checks its own CSRF token; the CPSMS webhook is called by CPSMS's servers (no browser, no Origin)
    // and is authenticated by the HMAC token in its URL. The REST API (/api/v1) is authenticated by a bearer key
    // and never reads cookies (lib/api/direct-route.ts). The sign-up form's route answers with its direct route,
    // which checks the Origin itself (it has no Request): checked below.
    const EXEMPT = [
      "app/api/auth/[...nextauth]/route.ts",
      "app/api/webhooks/cpsms/route.ts",
      "app/api/v1/guests/route.ts",
      "app/api/v1/visits/route.ts",
      "app/api/join/route.ts",
    ];
    expect(fs.readFileSync("lib/signup/join-post.ts", "utf8")).toMatch(/if \(!isSameOrigin\(/);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (entry.name === "route.ts") files.push(rel);
      }
    };
    walk("app");
    expect(files.length).toBeGreaterThan(5);
    const unguarded = files.filter((file) => {
      const source = fs.readFileSync(file, "utf8");
      const unsafe =
        /export\s+(?:async\s+)?(?:function|const)\s+(POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/.test(
          source,
        );
      return unsafe && !EXEMPT.includes(file) && !/assertSameOrigin\(request\)/.test(source);
    });
    expect(unguarded).toEqual([]);
  });
});
