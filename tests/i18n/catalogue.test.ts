import fs from "node:fs";
import path from "node:path";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { GUEST_LOCALES, STAFF_LOCALES } from "@/lib/i18n/locales";
import { GUEST_NAMESPACES, NAMESPACES } from "@/lib/i18n/namespaces";

// The catalogue's own checks, run in CI (missing and broken translations are also caught by `npm run lint`'s
// i18n-check; this adds what it can't see in our folder-per-namespace layout): every locale has every key of
// English with the same placeholders, and no key is unused.

const ROOT = path.resolve(__dirname, "../..");
type Tree = { [key: string]: string | Tree };

function readNamespace(locale: string, namespace: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "messages", locale, `${namespace}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = `${prefix}.${key}`;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function catalogue(locale: string, namespaces: readonly string[]): Map<string, string> {
  return new Map(namespaces.flatMap((ns) => [...flatten(readNamespace(locale, ns), ns)]));
}

/** A message's placeholders and their kinds ("count:plural"), for comparing translations. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        found.add(`${el.value}:${TYPE[el.type]}`);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${TYPE[el.type]}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = catalogue("en", NAMESPACES);

describe("message catalogue", () => {
  it("every message in every locale is valid ICU", () => {
    const broken: string[] = [];
    for (const [locale, namespaces] of [
      ...STAFF_LOCALES.map((l) => [l, NAMESPACES] as const),
      ["ur", GUEST_NAMESPACES] as const,
    ]) {
      for (const [key, message] of catalogue(locale, namespaces)) {
        try {
          parse(message);
        } catch (err) {
          broken.push(`${locale} ${key}: ${(err as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  const targets = [
    ...STAFF_LOCALES.filter((l) => l !== "en").map((l) => [l, NAMESPACES] as const),
    ...GUEST_LOCALES.filter((l) => !(STAFF_LOCALES as readonly string[]).includes(l)).map(
      (l) => [l, GUEST_NAMESPACES] as const,
    ),
  ];

  it.each(targets)("%s has exactly English's keys, with the same placeholders", (locale, namespaces) => {
    const source = new Map([...english].filter(([key]) => namespaces.some((ns) => key.startsWith(`${ns}.`))));
    const target = catalogue(locale, namespaces);
    expect(
      [...source.keys()].filter((k) => !target.has(k)),
      "missing",
    ).toEqual([]);
    expect(
      [...target.keys()].filter((k) => !source.has(k)),
      "not in English",
    ).toEqual([]);
    const differing = [...source]
      .filter(
        ([key, message]) => target.has(key) && placeholders(message).join() !== placeholders(target.get(key)!).join(),
      )
      .map(([key]) => key);
    expect(differing, "placeholders differ").toEqual([]);
    const empty = [...target].filter(([, message]) => !message.trim()).map(([key]) => key);
    expect(empty, "empty").toEqual([]);
  });

  it("every key is used, and every key the code names exists", () => {
    const sources = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((file) => ({
      file: path.relative(ROOT, file),
      text: fs.readFileSync(file, "utf8"),
    }));
    const used = new Set<string>();
    const usedPrefixes = new Set<string>();
    const named: string[] = [];
    for (const { file, text } of sources) {
      const literals = [...text.matchAll(/(["'`])((?:(?!\1)[^\\\n$]|\\.)*?)(\$\{|\1)/g)].map((m) => ({
        value: m[2]!,
        open: m[3] === "${",
      }));
      // Full keys written out: AppError and zod messages, `t` with a whole key.
      for (const { value, open } of literals) {
        if (!isKeyShaped(value)) continue;
        if (open) usedPrefixes.add(value);
        else {
          used.add(value);
          named.push(`${file}: ${value}`);
        }
      }
      // Keys relative to the namespaces this file's translators were made with.
      const scopes = [
        // useTranslations("Ns"), getTranslations({ namespace: "Ns" }), and a translator's type useTranslations<"Ns">.
        ...text.matchAll(/(?:useTranslations|getTranslations)(?:<|\(\s*(?:\{[^}]*namespace:\s*)?)["']([^"']+)["']/g),
      ]
        .map((m) => m[1]!)
        .concat(text.match(/(?:useTranslations|getTranslations)\(\s*\)/) ? [""] : []);
      for (const scope of scopes) {
        for (const { value, open } of literals) {
          if (!/^[A-Za-z0-9_.]+$/.test(value) && !(open && /^[A-Za-z0-9_.]*$/.test(value))) continue;
          const full = scope ? `${scope}.${value}` : value;
          if (open) usedPrefixes.add(full);
          else used.add(full.replace(/\.$/, ""));
        }
      }
    }
    const unused = [...english.keys()].filter(
      (key) =>
        !used.has(key) &&
        ![...usedPrefixes].some((prefix) => key.startsWith(prefix)) &&
        // A whole namespace object handed over (e.g. `t.raw("x")` or `messages.Guest`) counts for its keys.
        ![...used].some((u) => key.startsWith(`${u}.`)),
    );
    expect(unused, "unused keys").toEqual([]);
    const undefinedKeys = named.filter((entry) => {
      const key = entry.split(": ")[1]!;
      return !english.has(key) && ![...english.keys()].some((k) => k.startsWith(`${key}.`));
    });
    expect(undefinedKeys, "keys named in code but missing from messages/en").toEqual([]);
  });
});

const SOURCE_DIRS = ["app", "components", "lib", "i18n", "scripts"];
const NAMESPACE_PATTERN = new RegExp(`^(${NAMESPACES.join("|")})\\.[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*\\.?$`);

function isKeyShaped(value: string): boolean {
  return NAMESPACE_PATTERN.test(value);
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
