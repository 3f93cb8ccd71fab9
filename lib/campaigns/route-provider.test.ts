import { describe, expect, it } from "vitest";
import { routeProvider, splitByProvider } from "./route-provider";

describe("provider routing", () => {
  it("sends +45 through CPSMS and +92 through smsapp.pk; others to the fallback", () => {
    expect(routeProvider("+4520123456")).toBe("cpsms");
    expect(routeProvider("+923001234567")).toBe("smsapp");
    expect(routeProvider("+46701234567")).toBe("cpsms");
    expect(routeProvider("+46701234567", "smsapp")).toBe("smsapp");
  });

  it("splits an audience, or keeps it whole when a provider is chosen", () => {
    const r = [{ phone: "+4520123456" }, { phone: "+923001234567" }, { phone: "+4520123457" }];
    expect([...splitByProvider(r, "auto").entries()]).toEqual([
      ["cpsms", [r[0], r[2]]],
      ["smsapp", [r[1]]],
    ]);
    expect([...splitByProvider(r, "smsapp").keys()]).toEqual(["smsapp"]);
  });
});
