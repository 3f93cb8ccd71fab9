import { describe, expect, it } from "vitest";
import { parseSmsappUnits } from "./account";
import { classifySmsappMessage } from "./messages-catalogue";
import { formatScheduleTime, parseScheduleTime } from "./schedule-time";
import { parseSmsappStatus } from "./status";

describe("parseSmsappStatus", () => {
  it("splits label and gateway id and treats Delivered* as success", () => {
    expect(parseSmsappStatus("Delivered|abc123")).toEqual({
      raw: "Delivered|abc123",
      label: "Delivered",
      gatewayMessageId: "abc123",
      state: "delivered",
    });
    expect(parseSmsappStatus("Delivered")).toMatchObject({ state: "delivered", gatewayMessageId: null });
    expect(parseSmsappStatus("undelivered|x").state).toBe("failed");
    expect(parseSmsappStatus("UNDELIV|x").state).toBe("failed");
    expect(parseSmsappStatus("Insufficient Credit").state).toBe("failed");
    expect(parseSmsappStatus("ENROUTE|x").state).toBe("pending");
    expect(parseSmsappStatus("Something new").state).toBe("unknown");
  });
});

describe("parseSmsappUnits", () => {
  it("reads formatted units", () => {
    expect(parseSmsappUnits("2,350")).toBe(2350);
    expect(parseSmsappUnits("1,234.50")).toBe(1234.5);
    expect(parseSmsappUnits("12")).toBe(12);
    expect(parseSmsappUnits("Unlimited")).toBeNull();
    expect(parseSmsappUnits("lots")).toBeUndefined();
  });
});

describe("schedule_time", () => {
  it("writes and reads account-local wall time, minute precision", () => {
    const at = new Date("2025-12-20T02:00:42Z");
    expect(formatScheduleTime(at, "Asia/Karachi")).toBe("2025-12-20 07:00");
    expect(parseScheduleTime("2025-12-20 07:00", "Asia/Karachi")?.toISOString()).toBe("2025-12-20T02:00:00.000Z");
    expect(parseScheduleTime("2025-07-01 12:00", "Europe/Copenhagen")?.toISOString()).toBe("2025-07-01T10:00:00.000Z");
    expect(parseScheduleTime("2025-12-20T07:00", "Asia/Karachi")).toBeNull();
    expect(parseScheduleTime("2025-13-20 07:00", "Asia/Karachi")).toBeNull();
  });
});

describe("classifySmsappMessage", () => {
  it("maps known provider wording", () => {
    expect(classifySmsappMessage("Unauthenticated.")).toBe("unauthorized");
    expect(
      classifySmsappMessage("There is not enough balance available to send this message.You have 0 of the 1"),
    ).toBe("insufficient_credit");
    expect(classifySmsappMessage("No query results for model [App\\Models\\Reports] abc")).toBe("not_found");
    expect(classifySmsappMessage("Sorry, but you do not have permissions to access this page.")).toBe("forbidden");
    expect(classifySmsappMessage("Too Many Attempts.")).toBe("rate_limited");
    expect(classifySmsappMessage("Sender ID required")).toBeNull();
  });
});
