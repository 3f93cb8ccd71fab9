import { describe, expect, it } from "vitest";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { findNonGsmCharacters, gsmReplacement, toGsmSafe } from "./gsm-safe";

describe("toGsmSafe", () => {
  it("turns smart punctuation and odd spaces into GSM-7 look-alikes", () => {
    const text = "Let\u2019s eat \u201cfresh\u201d \u2013 16\u201418\u2026\u00a0ok\u2009now \u2022 \u2122";
    const result = toGsmSafe(text);
    expect(result.text).toBe('Let\'s eat "fresh" - 16-18... ok now - TM');
    expect(getSegmentInfo(text).encoding).toBe("UCS-2");
    expect(getSegmentInfo(result.text).encoding).toBe("GSM-7");
    expect(result.replaced).toContainEqual({ from: "\u201c", to: '"', count: 1 });
    expect(result.kept).toEqual([]);
  });

  it("strips accents GSM-7 lacks but keeps the ones it has (Danish æøå, é, ü, ñ, Ç)", () => {
    expect(toGsmSafe("Crème brûlée à la façon de Łódź, señor").text).toBe("Crème brulée à la facon de Lodz, señor");
    const danish = "Æbleskiver på Nørrebro, ØL og ÅL, café Müller, Ç";
    expect(toGsmSafe(danish)).toEqual({ text: danish, replaced: [], kept: [] });
    expect(getSegmentInfo(danish).encoding).toBe("GSM-7");
  });

  it("composes a decomposed é instead of dropping its accent", () => {
    expect(gsmReplacement("e\u0301")).toBe("é");
  });

  it("keeps emoji and other scripts, reporting them as having no replacement", () => {
    const result = toGsmSafe("Tonight \u{1F389} \u2019 \u0634\u06a9\u0631\u06cc\u06c1");
    expect(result.text).toBe("Tonight \u{1F389} ' \u0634\u06a9\u0631\u06cc\u06c1");
    expect(result.kept).toContain("\u{1F389}");
    expect(getSegmentInfo(result.text).encoding).toBe("UCS-2");
  });
});

describe("findNonGsmCharacters", () => {
  it("lists each culprit once with count, positions, kind and code point", () => {
    const found = findNonGsmCharacters("It\u2019s 2\u20133 \u{1F44D}\u{1F3FD} and it\u2019s \u0634");
    expect(found).toEqual([
      { char: "\u2019", codePoint: "U+2019", count: 2, positions: [2, 20], kind: "replaceable", replacement: "'" },
      { char: "\u2013", codePoint: "U+2013", count: 1, positions: [6], kind: "replaceable", replacement: "-" },
      {
        char: "\u{1F44D}\u{1F3FD}",
        codePoint: "U+1F44D U+1F3FD",
        count: 1,
        positions: [9],
        kind: "emoji",
        replacement: null,
      },
      { char: "\u0634", codePoint: "U+0634", count: 1, positions: [23], kind: "no_equivalent", replacement: null },
    ]);
  });

  it("finds nothing in GSM-7 text, extension characters included", () => {
    expect(findNonGsmCharacters("Menu: 100€ [vegan] {x} ~ ^ | \\ æøå")).toEqual([]);
  });
});
