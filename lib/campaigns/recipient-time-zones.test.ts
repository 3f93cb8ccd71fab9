import { describe, expect, it } from "vitest";
import { audienceTimeZones, countryOfNumber, timeZonesOfNumber } from "./recipient-time-zones";

describe("recipient time zones", () => {
  it("reads the zone from the number's country", () => {
    expect(countryOfNumber("+923001234567")).toBe("PK");
    expect(timeZonesOfNumber("+923001234567")).toEqual(["Asia/Karachi"]);
    // Denmark keeps Copenhagen's rules (the zone database files it under Berlin's identical ones).
    expect(timeZonesOfNumber("+4520123456")).toHaveLength(1);
  });

  it("a country with several zones: every one of them (a mobile number doesn't say where in the country)", () => {
    const us = timeZonesOfNumber("+12125550123");
    expect(us).toContain("America/New_York");
    expect(us).toContain("America/Los_Angeles");
    expect(us).toContain("Pacific/Honolulu");
    // +1 is shared: a Canadian number is Canada's, not the USA's.
    expect(countryOfNumber("+14165550123")).toBe("CA");
  });

  it("numbers of unknown country fall back to the restaurant's zone", () => {
    expect(timeZonesOfNumber("+88812345678")).toBeNull();
    const zones = audienceTimeZones(["+88812345678", "+923001234567", "+923001234568"], "Europe/Copenhagen");
    expect([...zones.keys()].sort()).toEqual(["Asia/Karachi", "Europe/Copenhagen"]);
    expect(zones.get("Asia/Karachi")).toBe("+923001234567");
  });
});
