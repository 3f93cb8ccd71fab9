import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_SIGNUP_SETTINGS } from "@/lib/signup/signup-settings";
import { createSourceSchema, saveSignupSettingsSchema, signupSettingsForm } from "./signup";

const form = signupSettingsForm(DEFAULT_SIGNUP_SETTINGS);
const V = "Settings.signup.validation";

/** The field errors of an invalid form, as the action shows them. */
function errorsOf(input: unknown): Record<string, string[] | undefined> {
  const result = saveSignupSettingsSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("Settings > Sign-up's form", () => {
  it("round-trips the stored settings; empty texts mean the defaults and are not stored", () => {
    expect(form).toMatchObject({ wordingDa: "", expiryHours: "48", hourlyCap: "60" });
    expect(saveSignupSettingsSchema.parse(form)).toEqual(DEFAULT_SIGNUP_SETTINGS);
    const parsed = saveSignupSettingsSchema.parse({
      ...form,
      wordingEn: "  Yes, text me offers.  ",
      wordingUr: "",
      hourlyCapPerCountry: "12",
    });
    expect(parsed).toEqual({
      ...DEFAULT_SIGNUP_SETTINGS,
      consentWording: { en: "Yes, text me offers." },
      hourlyCapPerCountry: 12,
    });
    expect(signupSettingsForm(parsed)).toMatchObject({ wordingEn: "Yes, text me offers.", hourlyCapPerCountry: "12" });
  });

  it("marks each problem on its own field", () => {
    expect(errorsOf({ ...form, wordingUr: "ا".repeat(501) }).wordingUr).toEqual([`${V}.wordingTooLong`]);
    for (const hours of ["0", "169", "2.5", "abc", ""]) {
      expect(errorsOf({ ...form, expiryHours: hours }).expiryHours).toContain(`${V}.expiryHours`);
    }
    expect(saveSignupSettingsSchema.parse({ ...form, expiryHours: "168" }).expiryHours).toBe(168);
    expect(errorsOf({ ...form, hourlyCap: "10001" }).hourlyCap).toContain(`${V}.hourlyCap`);
    expect(errorsOf({ ...form, hourlyCap: "20", hourlyCapPerCountry: "30" }).hourlyCapPerCountry).toEqual([
      `${V}.countryAboveOverall`,
    ]);
  });

  it("refuses a call that is not the form (an empty one changes nothing)", () => {
    expect(saveSignupSettingsSchema.safeParse({}).success).toBe(false);
    expect(saveSignupSettingsSchema.safeParse({ ...form, hourlyCap: true }).success).toBe(false);
  });

  it("checks a source's name", () => {
    expect(createSourceSchema.parse({ name: "  Table 4  " })).toEqual({ name: "Table 4" });
    expect(createSourceSchema.safeParse({ name: "   " }).error?.issues[0]?.message).toBe(`${V}.sourceNameRequired`);
    expect(createSourceSchema.safeParse({ name: "x".repeat(61) }).error?.issues[0]?.message).toBe(
      `${V}.sourceNameTooLong`,
    );
  });
});
