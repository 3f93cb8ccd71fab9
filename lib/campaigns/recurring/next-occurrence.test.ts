import { describe, expect, it } from "vitest";
import { describeRule, localDate, nextOccurrence } from "./next-occurrence";

const CPH = "Europe/Copenhagen";

describe("nextOccurrence", () => {
  it("finds the next Friday 16:00 in Copenhagen time", () => {
    // Monday 23 Nov 2026, 12:00 UTC (13:00 in Copenhagen, winter time UTC+1).
    const next = nextOccurrence({ weekdays: [5], localTime: "16:00" }, new Date("2026-11-23T12:00:00Z"), CPH);
    expect(next?.toISOString()).toBe("2026-11-27T15:00:00.000Z");
  });

  it("is strictly after: at 16:00 on a Friday the next one is a week later", () => {
    const next = nextOccurrence({ weekdays: [5], localTime: "16:00" }, new Date("2026-11-27T15:00:00Z"), CPH);
    expect(next?.toISOString()).toBe("2026-12-04T15:00:00.000Z");
  });

  it("keeps wall-clock time across the spring daylight-saving change", () => {
    // Clocks go forward on Sunday 29 March 2026: Friday 27 March is UTC+1, Friday 3 April UTC+2.
    const first = nextOccurrence({ weekdays: [5], localTime: "16:00" }, new Date("2026-03-25T12:00:00Z"), CPH);
    expect(first?.toISOString()).toBe("2026-03-27T15:00:00.000Z");
    const second = nextOccurrence({ weekdays: [5], localTime: "16:00" }, first!, CPH);
    expect(second?.toISOString()).toBe("2026-04-03T14:00:00.000Z");
  });

  it("works in Karachi and with several days", () => {
    const next = nextOccurrence(
      { weekdays: [1, 3], localTime: "19:30" },
      new Date("2026-11-23T15:00:00Z"),
      "Asia/Karachi",
    );
    // Monday 23 Nov 19:30 in Karachi (UTC+5) is 14:30 UTC, already past: next is Wednesday.
    expect(next?.toISOString()).toBe("2026-11-25T14:30:00.000Z");
  });

  it("has no occurrence without days", () => {
    expect(nextOccurrence({ weekdays: [], localTime: "16:00" }, new Date(), CPH)).toBeNull();
  });

  it("names local dates and describes rules", () => {
    expect(localDate(new Date("2026-12-24T23:30:00Z"), CPH)).toBe("2026-12-25");
    expect(describeRule({ weekdays: [5, 1], localTime: "16:00" })).toBe("Every Mon, Fri at 16:00");
  });
});
