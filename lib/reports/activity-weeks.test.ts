import { describe, expect, it } from "vitest";
import { activityByWeek, activityUnit } from "./activity-weeks";
import { daysBetween } from "./report-math";

const series = (first: string, last: string) =>
  daysBetween(first, last).map((day, i) => ({ day, clicks: i, redemptions: i % 2 }));

describe("activity by week", () => {
  it("shows days up to a quarter and weeks beyond it", () => {
    expect(activityUnit(30)).toBe("day");
    expect(activityUnit(91)).toBe("day");
    expect(activityUnit(365)).toBe("week");
  });

  it("sums Monday-to-Sunday weeks, the first and last partial, keeping every click and redemption", () => {
    // Thu 26 Nov 2026 to Tue 8 Dec 2026: Thu–Sun, Mon 30 Nov–Sun 6 Dec, Mon–Tue.
    const days = series("2026-11-26", "2026-12-08");
    const weeks = activityByWeek(days);
    expect(weeks.map((w) => w.day)).toEqual(["2026-11-26", "2026-11-30", "2026-12-07"]);
    expect(weeks.map((w) => w.clicks)).toEqual([0 + 1 + 2 + 3, 4 + 5 + 6 + 7 + 8 + 9 + 10, 11 + 12]);
    const total = (list: typeof days, key: "clicks" | "redemptions") => list.reduce((n, d) => n + d[key], 0);
    expect(total(weeks, "clicks")).toBe(total(days, "clicks"));
    expect(total(weeks, "redemptions")).toBe(total(days, "redemptions"));
  });

  it("a year is 53 or 54 bars, and leaves the days it was given as they were", () => {
    const days = series("2025-12-04", "2026-12-03");
    const copy = structuredClone(days);
    expect(activityByWeek(days).length).toBeGreaterThanOrEqual(53);
    expect(activityByWeek(days).length).toBeLessThanOrEqual(54);
    expect(days).toEqual(copy);
  });
});
