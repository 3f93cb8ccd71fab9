import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTES, routeProvider, splitByProvider } from "./route-provider";

describe("provider routing", () => {
  it("sends +45 through CPSMS and +92 through smsapp.pk; others to the fallback", () => {
    expect(routeProvider("+4520123456")).toBe("cpsms");
    expect(routeProvider("+923001234567")).toBe("smsapp");
    expect(routeProvider("+46701234567")).toBe("cpsms");
    expect(routeProvider("+46701234567", { ...DEFAULT_ROUTES, fallback: "smsapp" })).toBe("smsapp");
  });

  it("uses the owner's rules, longest prefix first", () => {
    const routes = {
      rules: [
        { prefix: "+4", provider: "smsapp" as const },
        { prefix: "+45", provider: "cpsms" as const },
      ],
      fallback: "cpsms" as const,
    };
    expect(routeProvider("+4520123456", routes)).toBe("cpsms");
    expect(routeProvider("+46701234567", routes)).toBe("smsapp");
    expect(routeProvider("+923001234567", routes)).toBe("cpsms");
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
