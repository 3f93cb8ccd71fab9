import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setRuntimeEnv } from "@/lib/env";
import { appNow, setTestClockOffset, testClockOffsetMs } from "./test-clock";

const DAY = 24 * 3600_000;

afterAll(async () => {
  setRuntimeEnv({ TEST_CLOCK: "1" });
  await setTestClockOffset(getDb(), 0);
  setRuntimeEnv({ TEST_CLOCK: "false" });
});

describe("the test clock", () => {
  it("is the real clock, and can't be moved, unless TEST_CLOCK is set", async () => {
    setRuntimeEnv({ TEST_CLOCK: "false" });
    await expect(setTestClockOffset(getDb(), DAY)).rejects.toThrow(/TEST_CLOCK is not set/);
    expect(Math.abs((await appNow(getDb())).getTime() - Date.now())).toBeLessThan(1000);
  });

  it("moves the app's now by the offset stored in the database; off again, the offset is ignored", async () => {
    setRuntimeEnv({ TEST_CLOCK: "1" });
    await setTestClockOffset(getDb(), 30 * DAY);
    expect(await testClockOffsetMs(getDb())).toBe(30 * DAY);
    expect(Math.abs((await appNow(getDb())).getTime() - (Date.now() + 30 * DAY))).toBeLessThan(1000);
    setRuntimeEnv({ TEST_CLOCK: "false" });
    expect(await testClockOffsetMs(getDb())).toBe(0);
  });
});
