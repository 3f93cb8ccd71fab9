import { describe, expect, it } from "vitest";
import { crashWindow, MAX_CRASHES_PER_MINUTE } from "./crash-window";

describe("crashWindow", () => {
  it("restarts up to the limit within a minute, then gives up", () => {
    const crashes = crashWindow();
    const t = 1_000_000;
    for (let i = 0; i < MAX_CRASHES_PER_MINUTE; i++) expect(crashes.crashed(t + i * 1_000)).toBe(true);
    expect(crashes.crashed(t + 10_000)).toBe(false);
  });

  it("forgets crashes older than a minute", () => {
    const crashes = crashWindow(2);
    expect(crashes.crashed(0)).toBe(true);
    expect(crashes.crashed(30_000)).toBe(true);
    expect(crashes.crashed(61_000)).toBe(true); // the one at 0 has left the window
    expect(crashes.crashed(62_000)).toBe(false);
  });
});
