import { describe, expect, it } from "vitest";
import { currencyOfCountry } from "@/lib/format/currency";
import { parseBillAmount } from "./bill-amount";

describe("bill amounts", () => {
  it("read either decimal mark into exact minor units", () => {
    expect(parseBillAmount("249", "DKK")).toBe(24900);
    expect(parseBillAmount("249,50", "DKK")).toBe(24950);
    expect(parseBillAmount("249.5", "DKK")).toBe(24950);
    expect(parseBillAmount(" 0,07 ", "DKK")).toBe(7);
    // Rupees are counted whole, as the visits import counts them (the platform's minor unit for PKR).
    expect(parseBillAmount("1999", "PKR")).toBe(1999);
    expect(parseBillAmount("1999.99", "PKR")).toBeNull();
  });

  it("refuse what isn't one amount", () => {
    for (const bad of ["", "-5", "1.249,50", "12,345", "abc", "1e3", "249,"]) {
      expect(parseBillAmount(bad, "DKK"), bad).toBe(bad === "249," ? 24900 : null);
    }
  });

  it("use the restaurant's country's currency", () => {
    expect(currencyOfCountry("DK")).toBe("DKK");
    expect(currencyOfCountry("PK")).toBe("PKR");
    expect(currencyOfCountry("SE")).toBeNull();
  });
});
