import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, providerSettings, users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { type Sandboxes, startSandboxes } from "@/sandbox";
import { insertUser } from "@/tests/support/factories";
import { checkProviderConnection } from "./connection-check";
import { clearProviderCredentials, saveDefaultSender, saveProviderCredentials } from "./provider-settings";
import { resolveProviders } from "./resolve-provider";
import { sendTestSms } from "./test-sms";

let sandboxes: Sandboxes;
beforeAll(async () => {
  sandboxes = await startSandboxes({ cpsms: { dlr: { delayMs: 1 } } });
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: String(new URL(sandboxes.cpsms.url).port),
    SMSAPP_SANDBOX_PORT: String(new URL(sandboxes.smsapp.url).port),
  });
});
afterAll(() => sandboxes.stop());
afterEach(async () => {
  await getDb().delete(providerSettings);
  sandboxes.cpsms.state.reset();
  sandboxes.smsapp.state.reset();
  setRuntimeEnv({ CPSMS_USERNAME: "", CPSMS_API_KEY: "", SMSAPP_API_TOKEN: "", CPSMS_BASE_URL: "" });
});

describe("provider configuration", () => {
  it("uses the sandbox with nothing configured", async () => {
    const { cpsms, smsapp } = await resolveProviders(getDb());
    expect(cpsms).toMatchObject({
      mode: "sandbox",
      source: "sandbox",
      baseUrl: sandboxes.cpsms.url,
      username: "sandbox",
    });
    expect(smsapp).toMatchObject({ mode: "sandbox", source: "sandbox", baseUrl: sandboxes.smsapp.url });
  });

  it("stores saved credentials encrypted and uses them live; environment values win", async () => {
    const owner = await insertUser({ role: "owner" });
    await saveProviderCredentials(getDb(), owner, {
      provider: "cpsms",
      username: "cafe",
      secret: "cpsms-secret-key-1234",
    });
    const [row] = await getDb().select().from(providerSettings).where(eq(providerSettings.provider, "cpsms"));
    expect(row?.secretCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain("cpsms-secret-key");
    expect(row?.secretHint).toBe("…1234");

    let { cpsms } = await resolveProviders(getDb());
    expect(cpsms).toMatchObject({
      mode: "live",
      source: "saved",
      username: "cafe",
      apiKey: "cpsms-secret-key-1234",
      baseUrl: "https://api.cpsms.dk/v2",
    });

    setRuntimeEnv({
      CPSMS_USERNAME: "envuser",
      CPSMS_API_KEY: "env-key-abcdefgh",
      CPSMS_BASE_URL: "http://127.0.0.1:9/v2",
    });
    ({ cpsms } = await resolveProviders(getDb()));
    expect(cpsms).toMatchObject({
      source: "environment",
      username: "envuser",
      baseUrl: "http://127.0.0.1:9/v2",
      hasSavedCredentials: true,
    });

    setRuntimeEnv({ CPSMS_USERNAME: "", CPSMS_API_KEY: "" });
    await clearProviderCredentials(getDb(), owner, "cpsms");
    ({ cpsms } = await resolveProviders(getDb()));
    expect(cpsms.mode).toBe("sandbox");

    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "provider"), eq(auditLog.actorId, owner.id)))
      .orderBy(asc(auditLog.id)); // in the order they happened (without ORDER BY, Postgres promises none)
    expect(audit.map((a) => a.action)).toEqual(["provider.credentials_saved", "provider.credentials_cleared"]);
    expect(JSON.stringify(audit)).not.toContain("cpsms-secret-key");
  });
});

describe("connection check", () => {
  it("reports each sandbox's balance", async () => {
    const cpsms = await checkProviderConnection(getDb(), "cpsms");
    expect(cpsms).toMatchObject({ ok: true, mode: "sandbox", balance: { amount: 1000, unit: "points" } });
    const smsapp = await checkProviderConnection(getDb(), "smsapp");
    expect(smsapp).toMatchObject({ ok: true, balance: { amount: 1000, unit: "units" } });
    expect(smsapp.ok && smsapp.expiresOn).toBeTruthy();
  });

  it("explains rejected credentials without leaking them", async () => {
    const owner = await insertUser({ role: "owner" });
    setRuntimeEnv({ CPSMS_BASE_URL: sandboxes.cpsms.url });
    await saveProviderCredentials(getDb(), owner, {
      provider: "cpsms",
      username: "sandbox",
      secret: "wrong-key-123456",
    });
    const result = await checkProviderConnection(getDb(), "cpsms");
    expect(result).toMatchObject({ ok: false, mode: "live", code: "unauthorized" });
    expect(result.ok || result.message).toMatch(/CPSMS/);
    expect(JSON.stringify(result)).not.toContain("wrong-key");
  });
});

describe("test SMS", () => {
  async function ownerWithPhone(phone: string) {
    const owner = await insertUser({ role: "owner" });
    await getDb().update(users).set({ phone, phoneVerifiedAt: new Date() }).where(eq(users.id, owner.id));
    return owner;
  }

  it("arrives on the sandbox handset from the default sender", async () => {
    const owner = await ownerWithPhone("+4520123456");
    await saveDefaultSender(getDb(), owner, { provider: "cpsms", sender: "CafeRose" });
    const result = await sendTestSms(getDb(), owner, "own", "connection", async () => ({
      provider: "cpsms",
      text: "Test from Cafe",
      sender: null,
    }));
    expect(result).toMatchObject({ ok: true, to: "+4520123456", segments: 1, cost: 1 });
    expect(sandboxes.cpsms.state.handset("4520123456")).toEqual([
      expect.objectContaining({ text: "Test from Cafe", from: "CafeRose" }),
    ]);

    const pkOwner = await ownerWithPhone("+923001234567");
    const pk = await sendTestSms(getDb(), pkOwner, "own", "compose", async () => ({
      provider: "smsapp",
      text: "Salaam 😀",
      sender: "CafeRose",
    }));
    expect(pk).toMatchObject({ ok: true, to: "+923001234567", encoding: "UCS-2" });
    expect(pk.ok && pk.providerMessageId).toBeTruthy();
    expect(sandboxes.smsapp.state.handset("923001234567")).toHaveLength(1);
  });

  it("reports provider refusals", async () => {
    const owner = await ownerWithPhone("+4520123457");
    sandboxes.cpsms.state.setBalance(0);
    const result = await sendTestSms(getDb(), owner, "own", "connection", async () => ({
      provider: "cpsms",
      text: "Hi",
      sender: null,
    }));
    expect(result).toMatchObject({ ok: false, code: "insufficient_credit" });
    expect(sandboxes.cpsms.state.handset("4520123457")).toHaveLength(0);
  });
});
