import { describe, expect, it } from "vitest";
import { enoughData, newcombeDifference, wilsonInterval } from "./visit-rate-interval";

describe("the visit-rate interval", () => {
  it("matches Newcombe's published examples", () => {
    // Newcombe (1998), table II: 56/70 vs 48/80 → 0.2000 (0.0524, 0.3339).
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.difference).toBeCloseTo(0.2, 4);
    expect(a.low).toBeCloseTo(0.0524, 3);
    expect(a.high).toBeCloseTo(0.3339, 3);
    // 9/10 vs 3/10 → 0.6 (0.1705, 0.8090).
    const b = newcombeDifference(9, 10, 3, 10);
    expect(b.low).toBeCloseTo(0.1705, 3);
    expect(b.high).toBeCloseTo(0.809, 3);
  });

  it("Wilson's interval for 0/10 and 10/10 stays inside [0, 1]", () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 9);
  });

  it("the difference stays inside [−1, 1] at the extremes, whatever the group sizes", () => {
    for (let n1 = 1; n1 <= 200; n1++) {
      for (const n2 of [1, 7, 30, 61, 200]) {
        const all = newcombeDifference(n1, n1, 0, n2);
        const none = newcombeDifference(0, n1, n2, n2);
        expect(all.high, `${n1} vs ${n2}`).toBeLessThanOrEqual(1);
        expect(none.low, `${n1} vs ${n2}`).toBeGreaterThanOrEqual(-1);
      }
    }
  });

  it("asks for 30 guests in each group", () => {
    expect(enoughData(29, 100)).toBe(false);
    expect(enoughData(30, 30)).toBe(true);
  });
});
