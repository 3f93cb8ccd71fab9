import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "@/lib/sms/providers";

// The engine, the dashboard and the UI never branch on a provider's name: they ask its adapter
// (lib/sms/registry.ts) or its client-safe descriptor (lib/sms/providers.ts). Found on the file system, so a
// new file can't slip a `provider === "cpsms"` back in. Provider-specific code lives in lib/sms/<provider>/.

const ROOT = path.resolve(__dirname, "../..");
const GUARDED = ["lib/campaigns", "lib/dashboard", "lib/history", "components", "app/(dashboard)"];
/** Route segments that are one provider's own pages (its history): they show that provider's data. */
const PROVIDER_ROUTES = PROVIDER_NAMES.map((p) => `app/(dashboard)/history/${p}/`);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const names = PROVIDER_NAMES.join("|");
/** `"cpsms"` as a value, `x.cpsms` as a keyed record read, `{ cpsms: ... }` as a keyed record written. */
const PATTERNS = [
  new RegExp(`(["'\`])(${names})\\1`),
  new RegExp(`\\.(${names})\\b(?!\\.(pk|dk))`),
  new RegExp(`[{,]\\s*(${names})\\s*:`),
];

/** A line's code without its comment, so comments may still name providers. */
function code(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) return "";
  return line.replace(/\s\/\/.*$/, "");
}

describe("provider names", () => {
  it("no provider name is branched on outside lib/sms (the registry) and the providers' own route segments", () => {
    const offences = GUARDED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !PROVIDER_ROUTES.some((route) => file.startsWith(route)))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(ROOT, file), "utf8")
          .split("\n")
          .flatMap((line, i) =>
            !line.startsWith("import ") && PATTERNS.some((p) => p.test(code(line)))
              ? [`${file}:${i + 1}: ${line.trim()}`]
              : [],
          ),
      );
    expect(offences, `ask the adapter or the descriptor instead:\n${offences.join("\n")}`).toEqual([]);
  });

  it("catches the forms it is meant to catch", () => {
    const caught = (line: string) => PATTERNS.some((p) => p.test(code(line)));
    expect(caught(`if (provider === "cpsms") {`)).toBe(true);
    expect(caught(`const n = preview.byProvider.smsapp;`)).toBe(true);
    expect(caught(`const x = { cpsms: 1, smsapp: 2 };`)).toBe(true);
    expect(caught(`where c.provider = 'cpsms'`)).toBe(true);
    expect(caught(`// CPSMS holds "cpsms" messages`)).toBe(false);
    expect(caught(`<p>smsapp.pk sends 50 per call</p>`)).toBe(false);
    expect(caught(`<Card data-testid="cpsms-card">`)).toBe(false);
  });
});
