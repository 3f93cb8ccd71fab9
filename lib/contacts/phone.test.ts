import { parsePhoneNumberFromString } from "libphonenumber-js/max";
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

describe("normalizePhone's single type lookup", () => {
  // normalizePhone asks for the number's type once and takes "has a type" as "valid" (isValid() is asked only
  // when there is none). That holds while the metadata has type patterns for every country: checked here on
  // about a thousand numbers spread over each country's plan, valid ones and invalid ones.
  it("agrees with libphonenumber's isValid() for numbers across the guests' countries", () => {
    const seen = { valid: 0, invalid: 0 };
    for (const [prefix, digits] of [
      ["+45", 8],
      ["+92", 10],
      ["+44", 10],
      ["+1", 10],
      ["+46", 9],
      ["+49", 11],
    ] as const) {
      for (let n = 0; n < 10 ** digits; n += 99_991 * 10 ** (digits - 8)) {
        const parsed = parsePhoneNumberFromString(`${prefix}${String(n).padStart(digits, "0")}`);
        if (!parsed?.isPossible()) continue;
        expect(parsed.getType() !== undefined, parsed.number).toBe(parsed.isValid());
        seen[parsed.isValid() ? "valid" : "invalid"]++;
      }
    }
    expect(seen.valid).toBeGreaterThan(100);
    expect(seen.invalid).toBeGreaterThan(100);
  });
});
