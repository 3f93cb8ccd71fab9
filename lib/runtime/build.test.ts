import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBuildCurrent, sourceFingerprint } from "./build";

describe("build freshness", () => {
  it("changes the fingerprint when a source file changes, but not for tests", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cafe-build-"));
    try {
      fs.mkdirSync(path.join(root, "app"));
      fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 1");
      const before = sourceFingerprint(root);
      fs.writeFileSync(path.join(root, "app/page.test.ts"), "test");
      expect(sourceFingerprint(root)).toBe(before);
      fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 2");
      expect(sourceFingerprint(root)).not.toBe(before);

      expect(isBuildCurrent(root)).toBe(false);
      fs.mkdirSync(path.join(root, ".next"));
      fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "x");
      fs.writeFileSync(path.join(root, ".next/cafe-build-stamp"), sourceFingerprint(root));
      expect(isBuildCurrent(root)).toBe(true);
      fs.writeFileSync(path.join(root, "app/page.tsx"), "export default 3");
      expect(isBuildCurrent(root)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
