import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  createProviderError,
  ProviderAuthError,
  ProviderCreditError,
  ProviderError,
  ProviderRateLimitError,
  ProviderRequestError,
  ProviderResponseError,
  ProviderUnavailableError,
} from "./errors";
import { redactSecrets } from "./http/redact";

const base = { provider: "cpsms" as const, operation: "send", retryable: false, mayHaveBeenAccepted: false };

describe("ProviderError", () => {
  it("picks the subclass from the code", () => {
    expect(createProviderError({ ...base, code: "unauthorized" })).toBeInstanceOf(ProviderAuthError);
    expect(createProviderError({ ...base, code: "forbidden" })).toBeInstanceOf(ProviderAuthError);
    expect(createProviderError({ ...base, code: "insufficient_credit" })).toBeInstanceOf(ProviderCreditError);
    expect(createProviderError({ ...base, code: "conflict" })).toBeInstanceOf(ProviderRequestError);
    expect(createProviderError({ ...base, code: "rate_limited" })).toBeInstanceOf(ProviderRateLimitError);
    expect(createProviderError({ ...base, code: "timeout" })).toBeInstanceOf(ProviderUnavailableError);
    const bad = createProviderError({ ...base, code: "bad_response" });
    expect(bad).toBeInstanceOf(ProviderResponseError);
    expect(bad).toBeInstanceOf(ProviderError);
    expect(bad).toBeInstanceOf(Error);
    expect(bad.name).toBe("ProviderResponseError");
  });

  it("writes a plain-English userMessage that warns when a send may have gone out", () => {
    const err = createProviderError({ ...base, code: "timeout", retryable: true, mayHaveBeenAccepted: true });
    expect(err.userMessage).toMatch(/^CPSMS took too long to answer\. The message may still have gone out/);
    expect(err.userMessage).not.toMatch(/Error|stack|at \w+ \(/);
    const credit = createProviderError({
      ...base,
      provider: "smsapp",
      code: "insufficient_credit",
      providerMessage: "You have exceeded your sending limit.",
    });
    expect(credit.userMessage).toContain("smsapp.pk account does not have enough credit");
    expect(credit.userMessage).toContain("You have exceeded your sending limit.");
  });

  it("serialises to safe fields only", () => {
    const err = createProviderError({
      ...base,
      code: "server_error",
      httpStatus: 500,
      retryable: true,
      providerMessage: "oops",
    });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "ProviderUnavailableError",
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
    expect(String(err)).toBe("ProviderUnavailableError: CPSMS send failed with server_error (HTTP 500): oops");
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
