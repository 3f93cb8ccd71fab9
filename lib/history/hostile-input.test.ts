import { describe, expect, it } from "vitest";
import { hasControlCharacters } from "@/lib/actions/validate-input";
import { parseContactQuery } from "@/lib/contacts/contact-filter";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseHistoryFilters } from "./filters";

// Inputs found by the bad-input e2e suite (e2e/bad-input.spec.ts) that used to reach Postgres and fail the page.

describe("hostile history URLs", () => {
  it("ignores days that are not on the calendar or out of range", () => {
    expect(parseHistoryFilters({ from: "2024-02-30", to: "9999-99-99" })).toEqual({});
    expect(parseHistoryFilters({ from: "0000-00-00", to: "9999-12-31" })).toEqual({});
    expect(parseHistoryFilters({ from: "2024-02-29", to: "2026-12-31" })).toEqual({
      from: "2024-02-29",
      to: "2026-12-31",
    });
  });
  it("strips control characters (NUL included) from the search and the sender", () => {
    expect(parseHistoryFilters({ q: "a\u0000b\u001b", sender: "\u0000" })).toEqual({ q: "ab" });
  });
  it("refuses cursors that would overflow timestamp or bigint", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    expect(decodeCursor(b64("99999999999999999999.1"))).toBeNull();
    expect(decodeCursor(b64("1.99999999999999999999"))).toBeNull();
    const real = { us: "1767225600000000", id: 42 };
    expect(decodeCursor(encodeCursor(real))).toEqual(real);
  });
});

describe("hostile contacts URLs", () => {
  it("strips control characters (NUL included) from the search and the tag", () => {
    expect(parseContactQuery({ q: "a\u0000b", tag: "\u0000" }).filter).toEqual({ q: "ab" });
  });
});

describe("control characters in action input", () => {
  it("finds them anywhere in the input, but allows tabs and line breaks", () => {
    expect(hasControlCharacters({ a: [{ b: "x\u0000y" }] })).toBe(true);
    expect(hasControlCharacters("\u001b[31m")).toBe(true);
    expect(hasControlCharacters({ message: "Line one\r\nLine two\tend", n: 3, ok: true, none: null })).toBe(false);
  });
});
