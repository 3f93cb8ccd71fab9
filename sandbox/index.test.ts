import { describe, expect, it } from "vitest";
import { createCpsmsClient } from "../lib/sms/cpsms/client";
import { createSmsappClient } from "../lib/sms/smsapp/client";
import { SANDBOX_DEFAULTS, startSandboxes } from "./index";

describe("startSandboxes", () => {
  it("starts both emulators with the default credentials and stops them", async () => {
    const sandboxes = await startSandboxes();
    try {
      expect(sandboxes.cpsms.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(sandboxes.smsapp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const cpsms = createCpsmsClient({
        baseUrl: sandboxes.cpsms.url,
        username: SANDBOX_DEFAULTS.cpsms.username,
        apiKey: SANDBOX_DEFAULTS.cpsms.apiKey,
      });
      const smsapp = createSmsappClient({ baseUrl: sandboxes.smsapp.url, apiToken: SANDBOX_DEFAULTS.smsapp.apiToken });
      await expect(cpsms.getBalance()).resolves.toMatchObject({ amount: SANDBOX_DEFAULTS.cpsms.credit });
      await expect(smsapp.getBalance()).resolves.toMatchObject({ amount: SANDBOX_DEFAULTS.smsapp.balance });
    } finally {
      await sandboxes.stop();
    }
    await expect(fetch(`${sandboxes.cpsms.url}/creditvalue`)).rejects.toThrow();
  });

  it("uses defaults that do not look like real credentials", () => {
    expect(SANDBOX_DEFAULTS.smsapp.apiToken).not.toMatch(/^\d+\|[A-Za-z0-9]{40}$/);
    expect(SANDBOX_DEFAULTS.cpsms.port).toBe(4010);
    expect(SANDBOX_DEFAULTS.smsapp.port).toBe(4020);
  });
});
