import { describe, expect, it } from "vitest";
import { drawOfferCodes } from "./draw-codes";
import {
  formatOfferCode,
  generateOfferCode,
  OFFER_CODE_BYTES,
  OFFER_CODE_EXAMPLE,
  parseOfferCode,
  SHOWN_CODE_LENGTH,
} from "./offer-code";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("offer codes", () => {
  it("are 8 Crockford characters carrying 40 random bits, never I, L, O or U", () => {
    expect(OFFER_CODE_BYTES * 8).toBe(40);
    const seen = new Set<string>();
    const codes = Array.from({ length: 5000 }, generateOfferCode);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      for (const c of code) seen.add(c);
    }
    // Every symbol turns up (each place is uniform over 32), and 5,000 draws from 2⁴⁰ don't repeat.
    expect([...seen].sort().join("")).toBe(CROCKFORD);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are shown as XXXX-XXXX, the example's exact length", () => {
    expect(formatOfferCode("7KQ2M9XD")).toBe("7KQ2-M9XD");
    expect(formatOfferCode(generateOfferCode())).toHaveLength(SHOWN_CODE_LENGTH);
    expect(OFFER_CODE_EXAMPLE).toHaveLength(SHOWN_CODE_LENGTH);
  });

  it("are read forgivingly: case, spaces, dashes, O as 0, I and L as 1", () => {
    expect(parseOfferCode("7KQ2-M9XD")).toBe("7KQ2M9XD");
    expect(parseOfferCode(" 7kq2 m9xd ")).toBe("7KQ2M9XD");
    expect(parseOfferCode("7kq2–m9xd")).toBe("7KQ2M9XD");
    expect(parseOfferCode("O0I1-L1ab")).toBe("001111AB");
    expect(parseOfferCode("oilOILab")).toBe("011011AB");
  });

  it("refuse what can't be a code (U, wrong length, other characters)", () => {
    expect(parseOfferCode("7KQ2-M9XU")).toBeNull();
    expect(parseOfferCode("7KQ2-M9X")).toBeNull();
    expect(parseOfferCode("7KQ2-M9XDD")).toBeNull();
    expect(parseOfferCode("7KQ2-M9X!")).toBeNull();
    expect(parseOfferCode("")).toBeNull();
    expect(parseOfferCode("ÆØÅÆØÅÆØ")).toBeNull();
  });

  it("are drawn distinct within a batch even when the source repeats itself", () => {
    const source = ["AAAAAAAA", "AAAAAAAA", "BBBBBBBB", "AAAAAAAA", "CCCCCCCC"];
    let i = 0;
    expect(drawOfferCodes(3, () => source[i++]!)).toEqual(["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"]);
  });
});
