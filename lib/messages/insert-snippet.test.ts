import { describe, expect, it } from "vitest";
import { insertSnippet, replaceRange, withFieldName } from "./insert-snippet";

describe("insertSnippet", () => {
  it("inserts at the caret and puts the caret after the snippet", () => {
    expect(insertSnippet("Hi , welcome", 3, 3, "{first_name|there}")).toEqual({
      value: "Hi {first_name|there}, welcome",
      caret: 21,
    });
  });

  it("replaces a selection, in either direction, and clamps out-of-range offsets", () => {
    expect(insertSnippet("Hi NAME!", 7, 3, "{first_name}")).toEqual({ value: "Hi {first_name}!", caret: 15 });
    expect(insertSnippet("Hi", 99, 99, "!")).toEqual({ value: "Hi!", caret: 3 });
  });
});

describe("fixing a field", () => {
  it("swaps the name and keeps the fallback", () => {
    expect(withFieldName("{frist_name|there}", "first_name")).toBe("{first_name|there}");
    expect(withFieldName("{ Name }", "first_name")).toBe("{first_name}");
    expect(replaceRange("Hi {frist_name}!", 3, 15, "{first_name}")).toBe("Hi {first_name}!");
  });
});
