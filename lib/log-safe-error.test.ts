import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { logSafeError } from "./log-safe-error";
import { ProviderError } from "./sms/errors";

describe("logSafeError", () => {
  it("keeps a failed query's SQL but not its parameters, nor the connection a driver error carries", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      client: { secretKey: 1914694005, connectionParameters: { user: "postgres" } },
    });
    const err = new DrizzleQueryError(
      "insert into contacts (phone, first_name) values ($1, $2)",
      ["+4520123456", "Ada\nLovelace"],
      cause,
    );
    const logged = JSON.stringify(logSafeError(err));
    expect(logged).toContain("insert into contacts (phone, first_name)");
    expect(logged).toContain("params: [not logged]");
    expect(logged).toContain('"code":"23505"');
    for (const leak of ["+4520123456", "Lovelace", "secretKey", "1914694005", "connectionParameters"])
      expect(logged).not.toContain(leak);
  });

  it("logs an error that chose its log shape as that shape", () => {
    const err = new ProviderError({
      provider: "cpsms",
      code: "rate_limited",
      operation: "send",
      httpStatus: 429,
      retryable: true,
      mayHaveBeenAccepted: false,
    });
    expect(logSafeError(err)).toMatchObject({
      type: "ProviderError",
      provider: "cpsms",
      httpStatus: 429,
      retryable: true,
    });
  });

  it("cleans an error's message logged as text, and leaves other values as they are", () => {
    const message = "Failed query: select 1 where phone = $1\nparams: +4520123456";
    expect(logSafeError(message)).toBe("Failed query: select 1 where phone = $1\nparams: [not logged]");
    expect(logSafeError({ status: 500 })).toEqual({ status: 500 });
  });
});
