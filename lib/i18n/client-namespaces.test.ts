import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { AREA_CLIENT_NAMESPACES, type ClientArea, SHELL_CLIENT_NAMESPACES } from "./client-namespaces";

// Reads the sources: from an area's route files (pages, layouts, error and loading states) through their imports
// to every client component ("use client") and everything those import, collecting the namespaces passed to
// useTranslations. Each must be under one its area's ClientMessages passes, or the browser would show raw keys.

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "i18n"];

/** Untyped translators (`useTranslations()`) and the parts of the catalogue they read. */
const UNTYPED: Record<string, string[]> = {
  "components/stored-text.tsx": ["Campaigns.stored"],
  "app/(dashboard)/campaigns/repeating-sends.tsx": ["Campaigns.stored"],
  "app/(dashboard)/compose/audience-summary.tsx": ["Contacts.phone"],
  "app/(dashboard)/contacts/import/import-preview-table.tsx": ["Contacts", "Errors"],
  "app/(dashboard)/contacts/import/import-result.tsx": ["Contacts", "Errors"],
  // A row's reason: Contacts.visitsImport.rows.*, Contacts.phone.*, Errors.dateTime.*.
  "app/(dashboard)/contacts/import-visits/visits-import.tsx": ["Contacts", "Errors"],
};

/** Where each area's routes are. The shell: everything above the areas' layouts. */
const AREA_DIRS: Record<ClientArea, string[]> = {
  signIn: ["app/(auth)"],
  guestJoin: ["app/join"],
  home: ["app/(dashboard)/(home)"],
  campaigns: ["app/(dashboard)/campaigns"],
  compose: ["app/(dashboard)/compose"],
  contacts: ["app/(dashboard)/contacts"],
  groups: ["app/(dashboard)/groups"],
  automations: ["app/(dashboard)/automations"],
  redeem: ["app/(dashboard)/redeem"],
  history: ["app/(dashboard)/history"],
  settings: ["app/(dashboard)/settings"],
};
const SHELL_FILES = [
  "app/layout.tsx",
  "app/not-found.tsx",
  "app/forbidden.tsx",
  "app/(dashboard)/layout.tsx",
  "app/(dashboard)/forbidden.tsx",
];
const ROUTE_FILE = /\/(page|layout|loading|error|not-found|forbidden|template)\.tsx$/;

type Info = { imports: string[]; namespaces: string[]; client: boolean };

function listFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return path.normalize(candidate);
  }
  return null;
}

const sources = new Map<string, Info>();
for (const file of SOURCE_DIRS.flatMap(listFiles)) {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const imports = [
    ...[...text.matchAll(/(?:import|export)\s+([^;]*?)\s*from\s+"([^"]+)"/g)]
      .filter((m) => !/^type\s/.test(m[1]!))
      .map((m) => m[2]!),
    ...[...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!),
  ]
    .map((spec) => resolveImport(file, spec))
    .filter((f): f is string => f !== null);
  const namespaces = [...text.matchAll(/useTranslations(?:<[^>]*>)?\("([A-Za-z.]+)"/g)].map((m) => m[1]!);
  if (/useTranslations\(\)/.test(text)) namespaces.push(...(UNTYPED[file] ?? []));
  sources.set(file, { imports, namespaces, client: /^["']use client["']/m.test(text.slice(0, 200)) });
}

/** The namespaces the client components reachable from these server files read, with the client file reading each. */
function clientNamespaces(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seenServer = new Set<string>();
  const seenClient = new Set<string>();
  const inClient = (file: string, boundary: string) => {
    if (seenClient.has(file)) return;
    seenClient.add(file);
    const info = sources.get(file);
    for (const ns of info?.namespaces ?? []) if (!found.has(ns)) found.set(ns, `${boundary} (${file})`);
    for (const next of info?.imports ?? []) inClient(next, boundary);
  };
  const inServer = (file: string) => {
    if (seenServer.has(file)) return;
    seenServer.add(file);
    const info = sources.get(file);
    if (!info) return;
    if (info.client) return inClient(file, file);
    for (const next of info.imports) inServer(next);
  };
  for (const entry of entries) inServer(entry);
  return found;
}

const covers = (given: readonly string[], ns: string) => given.some((g) => ns === g || ns.startsWith(`${g}.`));

describe("the messages each area's client components get", () => {
  it("knows every untyped translator in a client component", () => {
    const untyped = [...sources.keys()].filter(
      (f) => sources.get(f)?.client && /useTranslations\(\)/.test(fs.readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(untyped.sort()).toEqual(Object.keys(UNTYPED).sort());
  });

  it("the shell's cover the root and dashboard layouts", () => {
    const missing = [...clientNamespaces(SHELL_FILES)].filter(([ns]) => !covers(SHELL_CLIENT_NAMESPACES, ns));
    expect(missing).toEqual([]);
  });

  for (const [area, dirs] of Object.entries(AREA_DIRS) as [ClientArea, string[]][]) {
    it(`${area}: every namespace its client components read is passed`, () => {
      const entries = dirs.flatMap(listFiles).filter((f) => ROUTE_FILE.test(`/${f}`));
      expect(entries.length).toBeGreaterThan(0);
      const given = [...SHELL_CLIENT_NAMESPACES, ...AREA_CLIENT_NAMESPACES[area]];
      const missing = [...clientNamespaces(entries)].filter(([ns]) => !covers(given, ns));
      expect(missing).toEqual([]);
    });
  }

  it("every path passed is in the catalogue", () => {
    const has = (p: string) =>
      p.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], en) !==
      undefined;
    const all = [...SHELL_CLIENT_NAMESPACES, ...Object.values(AREA_CLIENT_NAMESPACES).flat()];
    expect(all.filter((p) => !has(p))).toEqual([]);
  });
});
