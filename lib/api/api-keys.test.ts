import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditLog } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { call, newKey } from "@/tests/support/api";
import { uniqueDkPhone } from "@/tests/support/contacts";
import { settleKeyTouches } from "./authenticate";
import { hashApiKey, looksLikeApiKey } from "./key-secret";
import { listApiKeys, revokeApiKey } from "./manage-keys";

const guest = () => ({ phone: uniqueDkPhone(), firstName: "Ada" });

describe("API keys", () => {
  it("are random, shown once, stored only as a keyed hash, and recognisable by their prefix", async () => {
    const key = await newKey();
    expect(looksLikeApiKey(key.secret)).toBe(true);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.secretHash).toBe(hashApiKey(key.secret));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(12));
    // A keyed hash: not the plain SHA-256 of the secret, so a database copy alone can't check guesses.
    const plain = await getDb().execute<{ h: string }>(sql`select encode(sha256(${key.secret}::bytea), 'hex') as h`);
    expect(row!.secretHash).not.toBe(plain.rows[0]!.h);
    const listed = (await listApiKeys(getDb())).find((k) => k.id === key.id)!;
    expect(listed).not.toHaveProperty("secretHash");
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, key.id));
    expect(audit.map((a) => a.action)).toEqual(["api_key.created"]);
  });

  it("authenticates by bearer key only: none, a malformed one, an unknown one or a cookie get 401", async () => {
    const key = await newKey();
    expect((await call("/api/v1/guests", null, guest())).status).toBe(401);
    expect((await call("/api/v1/guests", "cdr_short", guest())).status).toBe(401);
    expect((await call("/api/v1/guests", `cdr_${"x".repeat(43)}`, guest())).status).toBe(401);
    const cookieOnly = await call("/api/v1/guests", null, guest(), { headers: { cookie: "authjs.session-token=abc" } });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.headers["content-type"]).toBe("application/problem+json");
    expect((await call("/api/v1/guests", key.secret, guest())).status).toBe(201);
  });

  it("checks the scope: a visits-only key can't write guests", async () => {
    const key = await newKey(["visits:write"]);
    const answer = await call("/api/v1/guests", key.secret, guest());
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "insufficient-scope" });
  });

  it("applies the same key rules to a visit, checked inside the visit's own write", async () => {
    setRuntimeEnv({ API_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const guestsOnly = await newKey(["guests:write"]);
      const scoped = await call("/api/v1/visits", guestsOnly.secret, { guest: { phone: "+4520000000" } });
      expect(scoped.status).toBe(403);
      expect(scoped.body).toMatchObject({ code: "insufficient-scope" });
      const key = await newKey(["visits:write"]);
      const visit = { guest: { phone: uniqueDkPhone() }, visitedAt: "2026-11-20T19:30:00+01:00" };
      const answers = await Promise.all(Array.from({ length: 5 }, () => call("/api/v1/visits", key.secret, visit)));
      // Three within the limit (404: no such guest, but the key let them through), two limited.
      expect(answers.map((a) => a.status).sort()).toEqual([404, 404, 404, 429, 429]);
      await revokeApiKey(getDb(), key.owner, key.id);
      expect((await call("/api/v1/visits", key.secret, visit)).status).toBe(401);
    } finally {
      setRuntimeEnv({ API_RATE_LIMIT_PER_MINUTE: "600" });
    }
  });

  it("stops working at once when revoked, and is revoked once (one audit entry)", async () => {
    const key = await newKey();
    expect((await call("/api/v1/guests", key.secret, guest())).status).toBe(201);
    await revokeApiKey(getDb(), key.owner, key.id);
    const answer = await call("/api/v1/guests", key.secret, guest());
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ detail: "This API key was revoked." });
    await expect(revokeApiKey(getDb(), key.owner, key.id)).rejects.toThrow("Settings.apiKeys.errors.alreadyRevoked");
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, key.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("records last use at most once a minute, not on every call", async () => {
    const key = await newKey();
    const lastUsed = async () =>
      (await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await call("/api/v1/guests", key.secret, guest());
    await settleKeyTouches();
    const first = await lastUsed();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) await call("/api/v1/guests", key.secret, guest());
    await settleKeyTouches();
    expect(await lastUsed()).toEqual(first);
    // Even another process (forgetting this one's memory) leaves it alone within the minute: the SQL checks too.
    await settleKeyTouches({ forget: true });
    await call("/api/v1/guests", key.secret, guest());
    await settleKeyTouches();
    expect(await lastUsed()).toEqual(first);
    // A minute later it moves.
    await getDb().update(apiKeys).set({ lastUsedAt: sql`now() - interval '2 minutes'` }).where(eq(apiKeys.id, key.id));
    await settleKeyTouches({ forget: true });
    await call("/api/v1/guests", key.secret, guest());
    await settleKeyTouches();
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 30_000);
  });

  it("limits calls per key per minute, counting concurrent calls, with Retry-After", async () => {
    setRuntimeEnv({ API_RATE_LIMIT_PER_MINUTE: "5" });
    try {
      const key = await newKey();
      const other = await newKey();
      const answers = await Promise.all(Array.from({ length: 8 }, () => call("/api/v1/guests", key.secret, guest())));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
      const limited = answers.filter((a) => a.status === 429);
      expect(limited).toHaveLength(3);
      expect(limited[0]!.headers["retry-after"]).toBe("60");
      expect(limited[0]!.body).toMatchObject({ code: "rate-limited" });
      // Per key: another key is not affected.
      expect((await call("/api/v1/guests", other.secret, guest())).status).toBe(201);
    } finally {
      setRuntimeEnv({ API_RATE_LIMIT_PER_MINUTE: "600" });
    }
  });
});
