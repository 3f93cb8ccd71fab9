import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  const staff = ["da", "en"] as const;
  it("picks the browser's first supported language, regional tags included", () => {
    expect(negotiateLocale("da-DK,da;q=0.9,en;q=0.8", staff)).toBe("da");
    expect(negotiateLocale("en-GB,en;q=0.9", staff)).toBe("en");
    expect(negotiateLocale("de-DE,de;q=0.9,da;q=0.5", staff)).toBe("da");
  });
  it("honours quality values over order", () => {
    expect(negotiateLocale("en;q=0.2,da;q=0.9", staff)).toBe("da");
  });
  it("answers null when none is supported, the header is missing or malformed", () => {
    expect(negotiateLocale("de-DE,fr;q=0.8", staff)).toBeNull();
    expect(negotiateLocale(null, staff)).toBeNull();
    expect(negotiateLocale("", staff)).toBeNull();
    expect(negotiateLocale("*", staff)).toBeNull();
    expect(negotiateLocale("ur-PK", ["da", "en", "ur"])).toBe("ur");
  });
});
