import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, decide, findChromium, INSTALL_COMMAND } from "./ensure-chromium";

// The decision alone, with the machine's facts injected: nothing here looks at this machine or runs apt.

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH, then Debian's wrapper, then its binary", () => {
    const on =
      (...present: string[]) =>
      (p: string) =>
        present.includes(p);
    expect(findChromium("/opt/chrome", on("/opt/chrome", DEBIAN_CHROMIUM[0]!))).toBe("/opt/chrome");
    expect(findChromium("/opt/missing", on(...DEBIAN_CHROMIUM))).toBe("/usr/bin/chromium");
    expect(findChromium(undefined, on("/usr/lib/chromium/chromium"))).toBe("/usr/lib/chromium/chromium");
    expect(findChromium("", on())).toBeUndefined();
  });
});

describe("decide", () => {
  it("uses a Chromium that is there, whoever runs the tests", () => {
    for (const isRoot of [true, false])
      expect(decide({ found: "/usr/bin/chromium", isRoot, hasApt: true })).toEqual({
        kind: "ready",
        path: "/usr/bin/chromium",
      });
  });

  it("installs it when missing and running as root on Debian", () => {
    expect(decide({ found: undefined, isRoot: true, hasApt: true })).toEqual({ kind: "install" });
  });

  it("stops a non-root user at once with the one command to run", () => {
    const decision = decide({ found: undefined, isRoot: false, hasApt: true });
    expect(decision.kind).toBe("stop");
    expect(decision.kind === "stop" && decision.message).toContain(`sudo sh -c '${INSTALL_COMMAND}'`);
  });

  it("without apt it never tries to install, and says to set CHROMIUM_PATH", () => {
    for (const isRoot of [true, false]) {
      const decision = decide({ found: undefined, isRoot, hasApt: false });
      expect(decision.kind).toBe("stop");
      expect(decision.kind === "stop" && decision.message).toContain("CHROMIUM_PATH");
    }
  });
});
