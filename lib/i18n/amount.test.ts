import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { formats } from "@/i18n/formats";
import da from "@/messages/da";
import en from "@/messages/en";
import { amountText, unitName } from "./amount";

function tools(locale: "en-GB" | "da-DK", messages: typeof en) {
  const t = createTranslator({ locale, messages, namespace: "Units" });
  const format = createFormatter({ locale, formats, timeZone: "Europe/Copenhagen" });
  // biome-ignore lint/suspicious/noExplicitAny: core's translator and formatter are next-intl's hooks' types.
  return { t: t as any, format: format as any };
}

describe("amountText", () => {
  it("reads English amounts with the unit's plural", () => {
    const { t, format } = tools("en-GB", en);
    expect(amountText(t, format, 1, "cpsms")).toBe("1 point");
    expect(amountText(t, format, 1.004, "cpsms")).toBe("1 point");
    expect(amountText(t, format, 1.6, "cpsms")).toBe("1.6 points");
    expect(amountText(t, format, 2350, "smsapp")).toBe("2,350 units");
    expect(amountText(t, format, 0, "smsapp")).toBe("0 units");
    expect(unitName(t, "cpsms")).toBe("points");
  });
  it("reads Danish amounts the Danish way", () => {
    const { t, format } = tools("da-DK", da);
    expect(amountText(t, format, 1000.5, "cpsms")).toBe("1.000,5 point");
    expect(amountText(t, format, 1, "smsapp")).toBe("1 enhed");
    expect(amountText(t, format, 12, "smsapp")).toBe("12 enheder");
    expect(unitName(t, "smsapp")).toBe("enheder");
  });
});
