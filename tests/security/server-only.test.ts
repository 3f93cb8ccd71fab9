import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every lib/ module that reaches the database or a secret is marked `import "server-only"`, so a client
// component that imports one (even by accident, through a chain of imports) fails the build instead of shipping
// queries or keys to the browser. The rule is found on the file system, so a new module can't forget it.

const ROOT = path.resolve(__dirname, "../..");

/** Imports that mean "this module touches the database or a secret". */
const SERVER_IMPORT =
  /^import\s+(?:type\s+)?[^;]*?\bfrom\s+"(?:@\/lib\/db|@\/lib\/env|@\/lib\/crypto\/[^"]+|@\/lib\/audit|@\/drizzle\/schema|drizzle-orm(?:\/[^"]+)?|pg|pg-boss|@node-rs\/argon2)"/m;

function libModules(dir = path.join(ROOT, "lib")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return libModules(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Modules whose schema-only imports are types shared with forms (no query runs in them). */
function importsOnlyTypesFromSchema(source: string) {
  const lines = source.split("\n").filter((line) => SERVER_IMPORT.test(line));
  return lines.length > 0 && lines.every((line) => /^import type .* from "@\/drizzle\/schema"/.test(line));
}

describe("server-only marker", () => {
  it("every lib module that touches the database or secrets imports server-only", () => {
    const missing = libModules()
      .filter((file) => {
        const source = fs.readFileSync(file, "utf8");
        if (!SERVER_IMPORT.test(source) || importsOnlyTypesFromSchema(source)) return false;
        return !/^import "server-only";$/m.test(source);
      })
      .map((file) => path.relative(ROOT, file));
    expect(missing, `add import "server-only" to:\n${missing.join("\n")}`).toEqual([]);
  });
});
