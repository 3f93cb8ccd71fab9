import { describe, expect, it } from "vitest";
import { sharedResult } from "./shared-result";

describe("sharedResult", () => {
  it("shares one computation among concurrent and recent callers, per key, until it is too old", async () => {
    let calls = 0;
    const get = sharedResult({ ttlMs: 50, keyOf: (k: string) => k }, async (k) => `${k}${++calls}`);
    expect(await Promise.all([get("a"), get("a"), get("b")])).toEqual(["a1", "a1", "b2"]);
    expect(await get("a")).toBe("a1");
    await new Promise((r) => setTimeout(r, 60));
    expect(await get("a")).toBe("a3");
  });

  it("drops failures and results it is told not to keep, so the next caller tries again", async () => {
    let calls = 0;
    const get = sharedResult({ ttlMs: 10_000, keyOf: () => "k", keep: (v: number) => v >= 3 }, async () => {
      calls++;
      if (calls === 1) throw new Error("provider down");
      return calls;
    });
    await expect(get(null)).rejects.toThrow("provider down");
    expect(await get(null)).toBe(2); // not kept
    expect(await get(null)).toBe(3); // kept
    expect(await get(null)).toBe(3);
    expect(calls).toBe(3);
  });
});
