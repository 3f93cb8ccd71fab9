import { describe, expect, it } from "vitest";
import { earliestAllowedInZones, quietHoursConflict } from "./quiet-hours";

const cph = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it("allows daytime and holds the evening until the next morning, in the restaurant's zone", () => {
    expect(quietHoursConflict(cph("2026-11-27T14:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toBeNull(); // 15:00 local
    // 22:30 local (21:30Z) → 09:00 local next day (08:00Z)
    expect(quietHoursConflict(cph("2026-11-27T21:30:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(
      cph("2026-11-28T08:00:00Z"),
    );
    // 06:00 local → 09:00 the same day
    expect(quietHoursConflict(cph("2026-11-28T05:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(
      cph("2026-11-28T08:00:00Z"),
    );
  });

  it("is DST-safe: the night the clocks change still opens at 09:00 local", () => {
    // 2026-10-25 is the autumn change in Denmark (UTC+2 → UTC+1). 23:00 local on the 24th is 21:00Z.
    expect(quietHoursConflict(cph("2026-10-24T21:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(
      cph("2026-10-25T08:00:00Z"),
    );
  });

  it("works for other zones and can be switched off", () => {
    // Karachi is UTC+5: 21:00Z is 02:00 local.
    expect(quietHoursConflict(cph("2026-11-27T21:00:00Z"), "Asia/Karachi", "21:00", "10:00")).toEqual(
      cph("2026-11-28T05:00:00Z"),
    );
    expect(quietHoursConflict(cph("2026-11-27T21:00:00Z"), "Asia/Karachi", "00:00", "00:00")).toBeNull();
  });
});

describe("quiet hours for every recipient's zone", () => {
  const hours = { start: "20:00", end: "09:00" };

  it("holds each guest by their own night, not the restaurant's", () => {
    // 06:00Z is 07:00 in Copenhagen (quiet) and 11:00 in Karachi (allowed).
    expect(earliestAllowedInZones(cph("2026-11-27T06:00:00Z"), ["Asia/Karachi"], hours)).toEqual({ ok: true });
    expect(earliestAllowedInZones(cph("2026-11-27T06:00:00Z"), ["Europe/Copenhagen"], hours)).toEqual({
      ok: false,
      opens: cph("2026-11-27T08:00:00Z"),
      quietIn: ["Europe/Copenhagen"],
    });
  });

  it("names the earliest time allowed for all zones of one send", () => {
    // 15:30Z: 16:30 in Copenhagen (allowed), 20:30 in Karachi (quiet until 04:00Z, which is 05:00 in Copenhagen,
    // quiet there until 08:00Z). The first moment both are awake: 08:00Z the next day.
    expect(earliestAllowedInZones(cph("2026-11-27T15:30:00Z"), ["Europe/Copenhagen", "Asia/Karachi"], hours)).toEqual({
      ok: false,
      opens: cph("2026-11-28T08:00:00Z"),
      quietIn: ["Asia/Karachi"],
    });
  });

  it("says so when no moment of the day is outside quiet hours for all of them", () => {
    // Honolulu's day (09–20 local = 19:00–06:00Z) and Copenhagen's (08:00–19:00Z) never overlap.
    const result = earliestAllowedInZones(
      cph("2026-11-27T12:00:00Z"),
      ["Europe/Copenhagen", "Pacific/Honolulu"],
      hours,
    );
    expect(result).toEqual({ ok: false, opens: null, quietIn: ["Pacific/Honolulu"] });
  });

  it("no quiet hours, no zones: always allowed", () => {
    expect(
      earliestAllowedInZones(cph("2026-11-27T21:00:00Z"), ["Europe/Copenhagen"], { start: "00:00", end: "00:00" }),
    ).toEqual({ ok: true });
    expect(earliestAllowedInZones(cph("2026-11-27T21:00:00Z"), [], hours)).toEqual({ ok: true });
  });
});
