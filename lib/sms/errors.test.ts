import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isProviderError, ProviderError } from "./errors";
import { redactSecrets } from "./http/redact";

const base = { provider: "cpsms" as const, operation: "send", retryable: false, mayHaveBeenAccepted: false };

describe("ProviderError", () => {
  it("is one class: callers branch on its code, never on a subclass", () => {
    const bad = new ProviderError({ ...base, code: "bad_response" });
    expect(bad).toBeInstanceOf(ProviderError);
    expect(bad).toBeInstanceOf(Error);
    expect(isProviderError(bad)).toBe(true);
    expect(bad.name).toBe("ProviderError");
    expect(bad.code).toBe("bad_response");
  });

  it("writes a plain-English userMessage that warns when a send may have gone out", () => {
    const err = new ProviderError({ ...base, code: "timeout", retryable: true, mayHaveBeenAccepted: true });
    expect(err.userMessage).toMatch(/^CPSMS took too long to answer\. The message may still have gone out/);
    expect(err.userMessage).not.toMatch(/Error|stack|at \w+ \(/);
    const credit = new ProviderError({
      ...base,
      provider: "smsapp",
      code: "insufficient_credit",
      providerMessage: "You have exceeded your sending limit.",
    });
    expect(credit.userMessage).toContain("smsapp.pk account does not have enough credit");
    expect(credit.userMessage).toContain("You have exceeded your sending limit.");
  });

  it("serialises to safe fields only", () => {
    const err = new ProviderError({
      ...base,
      code: "server_error",
      httpStatus: 500,
      retryable: true,
      providerMessage: "oops",
    });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "ProviderError",
      provider: "cpsms",
      code: "server_error",
      operation: "send",
      httpStatus: 500,
      retryable: true,
      mayHaveBeenAccepted: false,
      retryAfterMs: null,
      providerMessage: "oops",
      causeCode: null,
      detail: null,
      message: "CPSMS send failed with server_error (HTTP 500): oops",
    });
    expect(String(err)).toBe("ProviderError: CPSMS send failed with server_error (HTTP 500): oops");
    expect(inspect(err)).not.toContain("[cause]");
  });
});

describe("redactSecrets", () => {
  it("removes configured secrets and any Basic/Bearer credentials", () => {
    expect(redactSecrets("key=abc123secret here", ["abc123secret"])).toBe("key=[redacted] here");
    expect(redactSecrets("Authorization: Bearer 7|xs6pv2dspHJq8sWLhrpNFH5YLilMRQcVxLwSw2Sd", [])).toBe(
      "Authorization: Bearer [redacted]",
    );
    expect(redactSecrets("Basic dXNlcjprZXk=", [])).toBe("Basic [redacted]");
    expect(redactSecrets("short", ["ab"])).toBe("short");
  });
});
