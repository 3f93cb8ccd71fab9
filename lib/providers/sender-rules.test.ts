import { describe, expect, it } from "vitest";
import { senderProblem } from "./sender-rules";

describe("senderProblem", () => {
  it("accepts names and numbers each provider takes", () => {
    for (const ok of ["CafeRose", "Cafe2Go", "ABCDEFGHIJK", "4512345678", "+923001234567", "123456789012345"]) {
      expect(senderProblem("cpsms", ok)).toBeNull();
      expect(senderProblem("smsapp", ok)).toBeNull();
    }
    expect(senderProblem("smsapp", "AB")).toBeNull();
  });

  it("says what is wrong", () => {
    expect(senderProblem("cpsms", "")).toMatch(/Enter a sender/);
    expect(senderProblem("cpsms", "Café Rose")).toMatch(/spaces/);
    expect(senderProblem("cpsms", "CaféRose")).toMatch(/letters A–Z/);
    expect(senderProblem("cpsms", "RestaurantNoma")).toMatch(/at most 11 characters \(this one has 14\)/);
    expect(senderProblem("cpsms", "AB")).toMatch(/at least 3/);
    expect(senderProblem("smsapp", "1234567890123456")).toMatch(/at most 15 digits/);
  });
});
