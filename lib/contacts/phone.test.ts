import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { formatPhone, normalizePhone } from "./phone";
import { problemText } from "./problem";

describe("normalizePhone", () => {
  it.each([
    ["20 12 34 56", "DK", "+4520123456"],
    ["+45 20 12 34 56", "PK", "+4520123456"],
    ["0045 2012-3456", "DK", "+4520123456"],
    ["03001234567", "PK", "+923001234567"],
    ["+92 300 1234567", "DK", "+923001234567"],
    ["0092 (300) 123 4567", "DK", "+923001234567"],
    ["+44 7911 123456", "DK", "+447911123456"],
  ])("%s with default %s reads as %s", (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ["", "empty"],
    ["hello", "letters"],
    ["123", "digits"],
    ["+45 90 12 34 56", "premium rate"],
    ["+92 21 3456 7890", "landline"],
  ])("refuses %j with a reason", (raw, word) => {
    const result = normalizePhone(raw, "DK");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(word);
      const t = createTranslator({ locale: "en-GB", messages: en });
      // The catalogue's English reads exactly like the English reason.
      expect(problemText(t, result.problem)).toBe(result.reason);
    }
  });

  it("formats for people", () => {
    expect(formatPhone("+4520123456")).toBe("+45 20 12 34 56");
  });
});
