import { describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "@/lib/sms/errors";
import { localizedUserMessage } from "./provider-error-message";

const CODES: ProviderErrorCode[] = [
  "unauthorized",
  "insufficient_credit",
  "forbidden",
  "not_found",
  "validation",
  "conflict",
  "rate_limited",
  "server_error",
  "timeout",
  "network",
  "bad_response",
];

describe("localizedUserMessage", () => {
  it("reads in English exactly as userMessage", async () => {
    for (const code of CODES) {
      for (const extra of [
        {},
        { providerMessage: "Invalid sender" },
        { detail: "Our own words." },
        { mayHaveBeenAccepted: true },
        { retryable: false, detail: "Gave up after 3 tries." },
      ]) {
        const err = new ProviderError({
          provider: "cpsms",
          code,
          operation: "send",
          retryable: true,
          mayHaveBeenAccepted: false,
          ...extra,
        });
        expect(await localizedUserMessage(err, "en")).toBe(err.userMessage);
      }
    }
  });
  it("reads in Danish", async () => {
    const err = new ProviderError({
      provider: "smsapp",
      code: "timeout",
      operation: "send",
      retryable: true,
      mayHaveBeenAccepted: false,
    });
    expect(await localizedUserMessage(err, "da")).toBe("smsapp.pk var for længe om at svare. Prøv igen om et øjeblik.");
  });
});
