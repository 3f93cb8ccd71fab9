import { describe, expect, it } from "vitest";
import { automationCodeValidity, endOfDayInZone, startOfDayInZone, validityState } from "./offer-validity";

describe("offer validity", () => {
  it("reads 'until Sunday' as the end of Sunday where the restaurant is", () => {
    // Copenhagen is UTC+1 in December: Sunday 6 Dec ends at 22:59:59.999 UTC.
    expect(endOfDayInZone("2026-12-06", "Europe/Copenhagen")?.toISOString()).toBe("2026-12-06T22:59:59.999Z");
    expect(startOfDayInZone("2026-12-06", "Europe/Copenhagen")?.toISOString()).toBe("2026-12-05T23:00:00.000Z");
    expect(endOfDayInZone("2026-12-06", "Asia/Karachi")?.toISOString()).toBe("2026-12-06T18:59:59.999Z");
    // The day the clocks go back has 25 hours.
    expect(endOfDayInZone("2026-10-25", "Europe/Copenhagen")?.toISOString()).toBe("2026-10-25T22:59:59.999Z");
    expect(endOfDayInZone("2026-02-30", "Europe/Copenhagen")).toBeNull();
    expect(endOfDayInZone("next sunday", "Europe/Copenhagen")).toBeNull();
  });

  it("gives an automation's code the day it is texted plus N whole days", () => {
    const sent = new Date("2026-12-03T09:15:00Z");
    const v = automationCodeValidity(sent, 14, "Europe/Copenhagen");
    expect(v.validFrom).toEqual(sent);
    expect(v.validUntil.toISOString()).toBe("2026-12-17T22:59:59.999Z");
  });

  it("tells valid, not yet and expired apart at the edges", () => {
    const from = new Date("2026-12-01T00:00:00Z");
    const until = new Date("2026-12-06T22:59:59.999Z");
    expect(validityState(new Date(from.getTime() - 1), from, until)).toBe("not_yet");
    expect(validityState(from, from, until)).toBe("valid");
    expect(validityState(until, from, until)).toBe("valid");
    expect(validityState(new Date(until.getTime() + 1), from, until)).toBe("expired");
  });
});
