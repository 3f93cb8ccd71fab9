import { describe, expect, it } from "vitest";
import { currencyDigits, currencyOfCountry, fromMinorUnits, majorAmount, toMinorUnits } from "./currency";

describe("money in minor units", () => {
  it("knows each currency's decimals, and shows an unknown code with two rather than failing", () => {
    expect(currencyDigits("DKK")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("KWD")).toBe(3);
    expect(currencyDigits("nope")).toBe(2);
  });

  it("turns decimal text into minor units and back exactly", () => {
    expect(toMinorUnits("249.50", "DKK")).toBe(24_950);
    expect(toMinorUnits("249.5", "DKK")).toBe(24_950);
    expect(toMinorUnits("0.07", "DKK")).toBe(7);
    expect(fromMinorUnits(24_950, "DKK")).toBe("249.50");
    expect(fromMinorUnits(7, "DKK")).toBe("0.07");
    expect(fromMinorUnits(500, "JPY")).toBe("500");
    expect(majorAmount(24_950, "DKK")).toBe(249.5);
  });

  it("gives a restaurant's currency by its country", () => {
    expect(currencyOfCountry("DK")).toBe("DKK");
    expect(currencyOfCountry("pk")).toBe("PKR");
    expect(currencyOfCountry("SE")).toBeNull();
  });
});
