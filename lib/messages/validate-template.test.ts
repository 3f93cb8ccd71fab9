import { describe, expect, it } from "vitest";
import { hasBlockingIssues, suggestMergeField, validateTemplate } from "./validate-template";

describe("validateTemplate", () => {
  it("accepts a good template without issues", () => {
    expect(validateTemplate("Hi {first_name|there}, see you at {restaurant}!")).toEqual([]);
  });

  it("explains an unknown field with a did-you-mean and its position", () => {
    const [issue] = validateTemplate("Hi {frist_name}!");
    expect(issue).toMatchObject({
      severity: "error",
      code: "unknown_field",
      start: 3,
      end: 15,
      suggestion: "first_name",
    });
    expect(issue?.message).toBe("Unknown merge field {frist_name}: did you mean {first_name}?");
  });

  it("lists the valid fields when nothing is close", () => {
    const [issue] = validateTemplate("Price: {price}");
    expect(issue?.suggestion).toBeUndefined();
    expect(issue?.message).toMatch(
      /^Unknown merge field \{price\}: use one of \{first_name\}, \{last_name\}, \{restaurant\}, \{opt_out_link\}, \{offer_code\}, \{offer_link\}\.$/,
    );
  });

  it("reports malformed braces as errors with 1-based character positions", () => {
    const issues = validateTemplate("Hi {first_name|there, bye} ok {} and }");
    expect(issues.map((i) => i.code)).toEqual(["empty_field", "stray_brace"]);
    expect(issues[1]?.message).toBe('"}" at character 38 has no opening "{": remove it, or complete the field.');
    const [unclosed] = validateTemplate("Hi {first_name");
    expect(unclosed).toMatchObject({ code: "unclosed_brace", start: 3 });
    expect(hasBlockingIssues(issues)).toBe(true);
  });

  it("warns, without blocking, when a personal field has no fallback", () => {
    const issues = validateTemplate("Hi {first_name}, from {restaurant}");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", code: "missing_fallback" });
    expect(issues[0]?.message).toContain("{first_name|there}");
    expect(hasBlockingIssues(issues)).toBe(false);
  });

  it("refuses an empty message", () => {
    expect(validateTemplate("  \n")[0]).toMatchObject({ severity: "error", code: "empty" });
  });
});

describe("suggestMergeField", () => {
  it("catches typos, swaps, case and common aliases but not unrelated words", () => {
    expect(suggestMergeField("frist_name")).toBe("first_name");
    expect(suggestMergeField("First_Name")).toBe("first_name");
    expect(suggestMergeField("first name")).toBe("first_name");
    expect(suggestMergeField("name")).toBe("first_name");
    expect(suggestMergeField("fornavn")).toBe("first_name");
    expect(suggestMergeField("resturant")).toBe("restaurant");
    expect(suggestMergeField("optout_link")).toBe("opt_out_link");
    expect(suggestMergeField("unsubscribe")).toBe("opt_out_link");
    expect(suggestMergeField("price")).toBeUndefined();
    expect(suggestMergeField("date")).toBeUndefined();
  });

  it("refuses {offer_link} without an offer, and takes it as placing the code for a promotion's offer", () => {
    const [without] = validateTemplate("Your code: {offer_link}", { offer: "none" });
    expect(without).toMatchObject({ severity: "error", code: "offer_link_without_offer", start: 11, end: 23 });
    expect(validateTemplate("See {offer_link}", { offer: "required" })).toEqual([]);
    expect(validateTemplate("{offer_code} or {offer_link}", { offer: "required" })).toEqual([]);
  });

  it("refuses {offer_code} in a text without an offer, and a promotion's offer without {offer_code}", () => {
    const [without] = validateTemplate("Hi! Code {offer_code}", { offer: "none" });
    expect(without).toMatchObject({ severity: "error", code: "offer_code_without_offer", start: 9, end: 21 });
    const [missing] = validateTemplate("2 for 1 pizza this week", { offer: "required" });
    expect(missing).toMatchObject({ severity: "error", code: "offer_code_missing", key: "offerCodeMissing" });
    expect(validateTemplate("Show {offer_code} at the till", { offer: "required" })).toEqual([]);
    // Without a context (the editor, templates) the field is simply known.
    expect(validateTemplate("Show {offer_code}")).toEqual([]);
  });
});
