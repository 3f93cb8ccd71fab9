import { describe, expect, it } from "vitest";
import { axisNumber, countAxisMax, dayTickIndices, shortDay } from "./chart-ticks";

describe("chart axis labels", () => {
  it("labels the last day and keeps every label the same distance apart (none crowd the right end)", () => {
    const ticks = dayTickIndices(30);
    expect(ticks.at(-1)).toBe(29);
    expect(ticks).toHaveLength(6);
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
    expect(new Set(gaps)).toEqual(new Set([5]));
    expect(dayTickIndices(5)).toEqual([0, 1, 2, 3, 4]);
    expect(dayTickIndices(1)).toEqual([0]);
    expect(dayTickIndices(0)).toEqual([]);
  });

  it("writes days and figures short", () => {
    expect(shortDay("2026-11-27")).toBe("27 Nov");
    expect(shortDay("2026-01-05")).toBe("5 Jan");
    expect(axisNumber(500)).toBe("500");
    expect(axisNumber(2500)).toBe("2.5k");
    expect(axisNumber(10000)).toBe("10k");
  });
});

describe("the top of a chart of counts", () => {
  it("is at least the highest bar, with whole numbers at every gridline", () => {
    const cases: [number, number][] = [
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 4],
      [5, 6],
      [7, 10],
      [10, 10],
      [11, 20],
      [45, 60],
      [99, 100],
      [1234, 2000],
    ];
    for (const [max, top] of cases) {
      expect(countAxisMax(max), `highest bar ${max}`).toBe(top);
      expect(Number.isInteger(countAxisMax(max) / 2)).toBe(true);
    }
  });
});
