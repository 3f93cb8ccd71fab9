import { describe, expect, it } from "vitest";
import { formatDanishNumber, parseDanishNumber } from "./danish-number";

describe("parseDanishNumber", () => {
  it("reads the documented Danish format", () => {
    expect(parseDanishNumber("9.843,40")).toBe(9843.4);
    expect(parseDanishNumber("1.234.567,05")).toBe(1234567.05);
    expect(parseDanishNumber("10,00")).toBe(10);
    expect(parseDanishNumber("1,6")).toBe(1.6);
    expect(parseDanishNumber("0")).toBe(0);
  });

  it("also reads plain numbers and the mock form", () => {
    expect(parseDanishNumber(12.5)).toBe(12.5);
    expect(parseDanishNumber("1234.50")).toBe(1234.5);
    expect(parseDanishNumber("9.843")).toBe(9843);
  });

  it("returns NaN for junk", () => {
    expect(parseDanishNumber("abc")).toBeNaN();
    expect(parseDanishNumber("")).toBeNaN();
  });
});

describe("formatDanishNumber", () => {
  it("round-trips", () => {
    expect(formatDanishNumber(9843.4)).toBe("9.843,40");
    expect(formatDanishNumber(10)).toBe("10,00");
    expect(formatDanishNumber(1234567.05)).toBe("1.234.567,05");
    for (const n of [0, 1.6, 999.99, 1000, 12345.67]) expect(parseDanishNumber(formatDanishNumber(n))).toBe(n);
  });
});
