import { describe, expect, it } from "vitest";
import {
  formatDateInZone,
  formatDay,
  formatInZone,
  formatLocalDateTime,
  MOMENT_SECONDS_FORMAT,
  parseLocalDateTime,
} from "./zoned";

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
    expect(gap.ok || gap.reason.key).toBe("Errors.dateTime.skipped");
    expect(parseLocalDateTime("tomorrow", "Europe/Copenhagen").ok).toBe(false);
    const feb30 = parseLocalDateTime("2026-02-30T12:00", "Europe/Copenhagen");
    expect(feb30.ok || feb30.reason.key).toBe("Errors.dateTime.noSuchDate");
  });

  it("formats in the zone, not the server's", () => {
    expect(formatInZone(new Date("2026-11-27T15:00:00Z"), "Europe/Copenhagen")).toBe("Fri 27 Nov, 16:00");
    expect(formatInZone(new Date("2026-11-27T15:00:00Z"), "Asia/Karachi")).toBe("Fri 27 Nov, 20:00");
  });
});

describe("one clock", () => {
  const at = new Date("2026-12-01T21:30:05Z");

  it("shows moments in the restaurant's zone in one shape, seconds only where asked", () => {
    expect(formatInZone(at, "Asia/Karachi")).toBe("Wed 2 Dec, 02:30");
    expect(formatInZone(at, "Europe/Copenhagen")).toBe("Tue 1 Dec, 22:30");
    expect(formatInZone(at, "Asia/Karachi", MOMENT_SECONDS_FORMAT)).toBe("Wed 2 Dec, 02:30:05");
  });

  it("shows days with their year, on the restaurant's side of midnight", () => {
    expect(formatDateInZone(at, "Asia/Karachi")).toBe("Wed 2 Dec 2026");
    expect(formatDateInZone(at, "America/New_York")).toBe("Tue 1 Dec 2026");
  });

  it("reads a yyyy-mm-dd day without letting any zone move it", () => {
    expect(formatDay("2026-11-27")).toBe("Fri 27 Nov 2026");
    expect(formatDay("2024-02-29")).toBe("Thu 29 Feb 2024");
    expect(formatDay("2026-02-30")).toBeNull();
    expect(formatDay("27/11/2026")).toBeNull();
    expect(formatLocalDateTime("2026-12-03T12:00")).toBe("Thu 3 Dec 2026, 12:00");
    expect(formatLocalDateTime("2026-12-03T24:00")).toBeNull();
    expect(formatLocalDateTime("")).toBeNull();
  });
});
