import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultAutomation } from "@/lib/automations/automation-settings";
import { automationForm, saveAutomationSchema } from "./automations";

const V = "Automations.validation";
const form = automationForm(defaultAutomation("welcome"));

function errorsOf(input: unknown): Record<string, string[] | undefined> {
  const result = saveAutomationSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("an automation's form", () => {
  it("round-trips; empty languages are not stored", () => {
    const parsed = saveAutomationSchema.parse({ ...form, enabled: true, messageDa: " Velkommen! ", offerDa: "Kaffe" });
    expect(parsed).toMatchObject({
      kind: "welcome",
      enabled: true,
      message: { da: "Velkommen!" },
      offer: { da: "Kaffe" },
    });
    expect(automationForm(parsed)).toMatchObject({ messageDa: "Velkommen!", messageEn: "", holdoutPercent: "0" });
  });

  it("marks each problem on its own field (the checks the sign-up page's welcome had)", () => {
    expect(errorsOf({ ...form, enabled: true }).enabled).toEqual([`${V}.messageEmpty`]);
    const on = { ...form, enabled: true, messageDa: "Velkommen!" };
    expect(errorsOf({ ...on, messageEn: "a".repeat(500), offerEn: "b".repeat(120) }).messageEn).toEqual([
      `${V}.messageTooLong`,
    ]);
    expect(errorsOf({ ...on, offerEn: "Free coffee" }).offerEn).toEqual([`${V}.offerWithoutMessage`]);
    expect(errorsOf({ ...on, messageEn: "Hi {frist_name}!" }).messageEn?.[0]).toMatch(/^Compose\.issues\.unknownField/);
    expect(errorsOf({ ...on, offerDa: "x".repeat(161) }).offerDa).toEqual([`${V}.offerTooLong`]);
    expect(errorsOf({ ...on, holdoutPercent: "51" }).holdoutPercent).toEqual([`${V}.holdoutPercent`]);
    expect(errorsOf({ ...on, sendAt: "25:00" }).sendAt).toEqual([`${V}.sendAt`]);
    expect(errorsOf({ ...on, lapseDays: "6" }).lapseDays).toEqual([`${V}.lapseDays`]);
    expect(errorsOf({ ...on, kind: "anniversary" }).kind).toEqual([`${V}.unknownKind`]);
  });

  it("refuses a call that is not the form", () => {
    expect(saveAutomationSchema.safeParse({}).success).toBe(false);
    expect(saveAutomationSchema.safeParse({ ...form, enabled: "yes" }).success).toBe(false);
  });
});
