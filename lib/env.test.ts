import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the zero-configuration defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: "./data",
      EMBEDDED_PG_PORT: 54329,
      RUN_WORKER: true,
      TRUST_PROXY: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "", ADMIN_EMAIL: "" })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
    });
  });

  it("names every invalid variable", () => {
    try {
      parseEnv({
        PORT: "abc",
        DATABASE_URL: "mysql://x",
        ADMIN_EMAIL: "not-an-email",
        AUTH_SECRET: "short",
        RUN_WORKER: "maybe",
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const vars = (err as EnvError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(["ADMIN_EMAIL", "AUTH_SECRET", "DATABASE_URL", "PORT", "RUN_WORKER"]);
      expect((err as EnvError).message).toContain("PORT must be a port number");
      expect((err as EnvError).message).toContain("DATABASE_URL must be a postgres:// URL");
    }
  });

  it("rejects out-of-range ports and weak admin passwords", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT must be between 1 and 65535/);
    expect(() => parseEnv({ ADMIN_PASSWORD: "short" })).toThrow(/ADMIN_PASSWORD must be at least 10 characters/);
  });

  it("parses booleans and postgres URLs", () => {
    const env = parseEnv({
      RUN_WORKER: "false",
      TRUST_PROXY: "1",
      DATABASE_URL: "postgresql://u:p@db.local:5433/cafe",
    });
    expect(env).toMatchObject({
      RUN_WORKER: false,
      TRUST_PROXY: true,
      DATABASE_URL: "postgresql://u:p@db.local:5433/cafe",
    });
  });

  it("reads provider settings, trims trailing slashes and defaults the sandbox", () => {
    const env = parseEnv({ CPSMS_BASE_URL: "http://127.0.0.1:9/v2/", PUBLIC_URL: "https://sms.cafe.dk/" });
    expect(env).toMatchObject({
      CPSMS_BASE_URL: "http://127.0.0.1:9/v2",
      PUBLIC_URL: "https://sms.cafe.dk",
      CPSMS_SANDBOX_PORT: 4010,
      SMSAPP_SANDBOX_PORT: 4020,
      CPSMS_SANDBOX_USERNAME: "sandbox",
      SMSAPP_SANDBOX_TOKEN: "sandbox-smsapp-token",
    });
    expect(() => parseEnv({ SMSAPP_BASE_URL: "ftp://x" })).toThrow(/SMSAPP_BASE_URL must be an http/);
  });

  it("refuses half a CPSMS login, naming the missing variable", () => {
    expect(() => parseEnv({ CPSMS_USERNAME: "cafe" })).toThrow(/CPSMS_API_KEY must be set too/);
    expect(() => parseEnv({ CPSMS_API_KEY: "k" })).toThrow(/CPSMS_USERNAME must be set too/);
  });

  it("keeps the test clock off by default and refuses it on a public (https) site", () => {
    expect(parseEnv({}).TEST_CLOCK).toBe(false);
    expect(parseEnv({ TEST_CLOCK: "1", PUBLIC_URL: "http://localhost:3000" }).TEST_CLOCK).toBe(true);
    expect(() => parseEnv({ TEST_CLOCK: "1", PUBLIC_URL: "https://sms.cafe.dk" })).toThrow(
      /TEST_CLOCK must not be set on a public \(https\) site/,
    );
  });
});
