import { describe, expect, it } from "vitest";
import { quietHoursConflict } from "./quiet-hours";

const cph = (iso: string) => new Date(iso);

describe("quiet hours", () => {
  it("allows daytime and holds the evening until the next morning, in the restaurant's zone", () => {
    expect(quietHoursConflict(cph("2026-11-27T14:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toBeNull(); // 15:00 local
    // 22:30 local (21:30Z) → 09:00 local next day (08:00Z)
    expect(quietHoursConflict(cph("2026-11-27T21:30:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(cph("2026-11-28T08:00:00Z"));
    // 06:00 local → 09:00 the same day
    expect(quietHoursConflict(cph("2026-11-28T05:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(cph("2026-11-28T08:00:00Z"));
  });

  it("is DST-safe: the night the clocks change still opens at 09:00 local", () => {
    // 2026-10-25 is the autumn change in Denmark (UTC+2 → UTC+1). 23:00 local on the 24th is 21:00Z.
    expect(quietHoursConflict(cph("2026-10-24T21:00:00Z"), "Europe/Copenhagen", "20:00", "09:00")).toEqual(cph("2026-10-25T08:00:00Z"));
  });

  it("works for other zones and can be switched off", () => {
    // Karachi is UTC+5: 21:00Z is 02:00 local.
    expect(quietHoursConflict(cph("2026-11-27T21:00:00Z"), "Asia/Karachi", "21:00", "10:00")).toEqual(cph("2026-11-28T05:00:00Z"));
    expect(quietHoursConflict(cph("2026-11-27T21:00:00Z"), "Asia/Karachi", "00:00", "00:00")).toBeNull();
  });
});
