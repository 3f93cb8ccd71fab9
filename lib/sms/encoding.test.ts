import { describe, expect, it } from "vitest";
import { getSegmentInfo, mangleNonGsmCharacters, needsUnicode, stripNonGsmCharacters } from "./encoding";

describe("getSegmentInfo", () => {
  it("counts GSM-7 as 160 single / 153 per part", () => {
    expect(getSegmentInfo("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1 });
    expect(getSegmentInfo("a".repeat(161))).toMatchObject({ encoding: "GSM-7", segments: 2 });
    expect(getSegmentInfo("a".repeat(306)).segments).toBe(2);
    expect(getSegmentInfo("a".repeat(307)).segments).toBe(3);
  });

  it("counts UCS-2 as 70 single / 67 per part", () => {
    expect(getSegmentInfo("ب".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(getSegmentInfo("ب".repeat(71))).toMatchObject({ encoding: "UCS-2", segments: 2 });
    expect(getSegmentInfo("ب".repeat(135)).segments).toBe(3);
  });

  it("keeps Danish letters in GSM-7 and counts escape characters twice", () => {
    expect(getSegmentInfo("Hej Åse, æøå ÆØÅ")).toMatchObject({ encoding: "GSM-7", nonGsmCharacters: [] });
    expect(getSegmentInfo("€").units).toBe(2);
    expect(getSegmentInfo("€".repeat(80)).segments).toBe(1);
    expect(getSegmentInfo("€".repeat(81)).segments).toBe(2);
  });

  it("can force an encoding", () => {
    expect(getSegmentInfo("hello", "UCS-2")).toMatchObject({ encoding: "UCS-2", segments: 1 });
  });
});

describe("needsUnicode / strip / mangle", () => {
  it("detects text that GSM-7 cannot carry", () => {
    expect(needsUnicode("Your table is ready")).toBe(false);
    expect(needsUnicode("آپ کی میز تیار ہے")).toBe(true);
    expect(needsUnicode("Tak 😀")).toBe(true);
  });

  it("strips (CPSMS) or replaces (gateway) the characters", () => {
    expect(stripNonGsmCharacters("Tak 😀 Åse")).toBe("Tak  Åse");
    expect(mangleNonGsmCharacters("Hi سلام")).toBe("Hi ????");
    expect(stripNonGsmCharacters("plain")).toBe("plain");
  });
});
