import { describe, expect, it } from "vitest";
import { cpsmsDeliveryState, cpsmsDlrCode, parseCpsmsDeliveryReport } from "./dlr";

describe("CPSMS delivery reports", () => {
  it("parses the callback query, keeping our own parameters aside", () => {
    const report = parseCpsmsDeliveryReport("https://app.test/dlr?msg=abc&token=xyz&status=1&receiver=4520202020");
    expect(report).toEqual({ receiver: "4520202020", statusCode: 1, state: "delivered", final: true });
    expect(parseCpsmsDeliveryReport(new URLSearchParams("status=2&receiver=45"))?.state).toBe("failed");
    expect(parseCpsmsDeliveryReport("/dlr?status=4&receiver=45")).toMatchObject({ state: "buffered", final: false });
  });

  it("resolves the one overlap (4) by code set", () => {
    expect(cpsmsDeliveryState(4)).toBe("buffered");
    expect(cpsmsDeliveryState(4, "2016")).toBe("abandoned");
    expect(cpsmsDeliveryState(3)).toBe("buffered");
    expect(cpsmsDeliveryState(8, "2016")).toBe("abandoned");
    expect(cpsmsDeliveryState(99)).toBe("unknown");
    expect(cpsmsDlrCode("buffered", "2016")).toBe(3);
    expect(cpsmsDlrCode("abandoned", "current")).toBe(8);
  });

  it("rejects incomplete reports", () => {
    expect(parseCpsmsDeliveryReport("/dlr?status=1")).toBeNull();
    expect(parseCpsmsDeliveryReport("/dlr?receiver=45&status=x")).toBeNull();
  });
});
