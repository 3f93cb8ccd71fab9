import { describe, expect, it } from "vitest";
import { FaultStore } from "./faults";

describe("FaultStore", () => {
  it("applies the first matching rule and uses it up", () => {
    const store = new FaultStore();
    store.add({ path: "/send", method: "post", times: 2, fault: { type: "status", status: 500 } });
    store.add({ path: "/sms/*", fault: { type: "hang" } });
    expect(store.take("GET", ["/send"])).toBeNull();
    expect(store.take("POST", ["/send"])?.remaining).toBe(1);
    expect(store.take("POST", ["/send"])?.remaining).toBe(0);
    expect(store.take("POST", ["/send"])).toBeNull();
    expect(store.take("GET", ["/sms/abc", "/api/v3/sms/abc"])?.fault).toEqual({ type: "hang" });
    expect(store.list()).toEqual([]);
  });

  it("supports unlimited rules, full paths, latency-only rules and removal", () => {
    const store = new FaultStore();
    const always = store.add({ times: "always", delayMs: 10 });
    for (let i = 0; i < 5; i++) expect(store.take("GET", ["/x"])?.delayMs).toBe(10);
    expect(store.list()[0]?.hits).toBe(5);
    expect(store.remove(always.id)).toBe(true);
    store.add({ path: "/v2/creditvalue", fault: { type: "reset" } });
    expect(store.take("GET", ["/creditvalue", "/v2/creditvalue"])?.fault?.type).toBe("reset");
  });

  it("rejects malformed rules", () => {
    const store = new FaultStore();
    expect(() => store.add({ fault: { type: "status", status: 99 } })).toThrow();
    expect(() => store.add({ times: 0 })).toThrow();
  });
});
