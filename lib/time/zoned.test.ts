import { describe, expect, it } from "vitest";
import { formatInZone, parseLocalDateTime } from "./zoned";

describe("restaurant time zone", () => {
  it("reads wall-clock time in the restaurant's zone, across DST", () => {
    const winter = parseLocalDateTime("2026-11-27T16:00", "Europe/Copenhagen");
    expect(winter).toEqual({ ok: true, date: new Date("2026-11-27T15:00:00Z") });
    const summer = parseLocalDateTime("2026-07-03T16:00", "Europe/Copenhagen");
    expect(summer).toEqual({ ok: true, date: new Date("2026-07-03T14:00:00Z") });
    const karachi = parseLocalDateTime("2026-11-27T16:00", "Asia/Karachi");
    expect(karachi).toEqual({ ok: true, date: new Date("2026-11-27T11:00:00Z") });
  });

  it("refuses times the clocks skip, and malformed input", () => {
    const gap = parseLocalDateTime("2026-03-29T02:30", "Europe/Copenhagen");
    expect(gap.ok).toBe(false);
    expect(gap.ok || gap.reason).toMatch(/doesn't exist/);
    expect(parseLocalDateTime("tomorrow", "Europe/Copenhagen").ok).toBe(false);
  });

  it("formats in the zone, not the server's", () => {
    expect(formatInZone(new Date("2026-11-27T15:00:00Z"), "Europe/Copenhagen")).toBe("Fri 27 Nov, 16:00");
    expect(formatInZone(new Date("2026-11-27T15:00:00Z"), "Asia/Karachi")).toBe("Fri 27 Nov, 20:00");
  });
});
