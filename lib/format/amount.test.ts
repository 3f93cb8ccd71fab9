import { describe, expect, it } from "vitest";
import { formatAmount, unitWord } from "./amount";

describe("formatAmount", () => {
  it("reads like a person wrote it", () => {
    expect(formatAmount(1, "cpsms")).toBe("1 point");
    expect(formatAmount(1.6, "cpsms")).toBe("1.6 points");
    expect(formatAmount(0, "smsapp")).toBe("0 units");
    expect(formatAmount(1, "smsapp")).toBe("1 unit");
    expect(formatAmount(2350, "smsapp")).toBe("2,350 units");
    expect(formatAmount(1.004, "cpsms")).toBe("1 point");
    expect(unitWord("cpsms")).toBe("points");
  });
});
