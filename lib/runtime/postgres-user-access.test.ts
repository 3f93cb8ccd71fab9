import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { letPostgresUserReach } from "./postgres-user-access";

describe("letPostgresUserReach", () => {
  it.runIf(process.getuid?.() === 0)("as root, opens passage (o+x only) through private directories on the way", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "reach-")); // 0700, like mktemp -d
    const inner = path.join(root, "checkout", "data");
    fs.mkdirSync(inner, { recursive: true, mode: 0o700 });
    const changed = letPostgresUserReach([path.join(inner, "postgres")]);
    expect(changed).toEqual(expect.arrayContaining([root, path.join(root, "checkout"), inner]));
    for (const dir of [root, inner]) expect(fs.statSync(dir).mode & 0o777).toBe(0o701);
    expect(letPostgresUserReach([inner])).toEqual([]); // already passable: nothing to do
    fs.rmSync(root, { recursive: true, force: true });
  });
});
