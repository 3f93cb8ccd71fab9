import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// A "use server" directive at the top of a module makes every runtime export a public endpoint that anyone can
// call with any arguments. So each one must be built with the action helper (lib/actions/define-action.ts), which
// checks the session and role, validates with zod and keeps unexpected errors from the browser. Inline "use server"
// functions would bypass that too. Found on the file system, so a new module can't forget it.

const ROOT = path.resolve(__dirname, "../..");
const HELPERS = new Set(["defineAction", "definePublicAction"]);
const SKIP = new Set(["node_modules", ".next", ".git", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

function hasUseServer(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Why each runtime export of a "use server" module is not an action built with the helper (empty when all are). */
function problemsOfServerModule(source: ts.SourceFile): string[] {
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly) problems.push(`re-export \`${statement.getText(source).slice(0, 60)}\``);
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      problems.push("a default export");
      continue;
    }
    if (!isExported(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const decl of statement.declarationList.declarations) {
        const name = decl.name.getText(source);
        const init = decl.initializer;
        const built =
          isConst &&
          init &&
          ts.isCallExpression(init) &&
          ts.isIdentifier(init.expression) &&
          HELPERS.has(init.expression.text);
        if (!built) problems.push(`\`${name}\` is not \`export const ${name} = defineAction(...)\``);
      }
      continue;
    }
    const name = (statement as { name?: ts.Node }).name?.getText(source) ?? "(anonymous)";
    problems.push(`\`${name}\` is not \`export const ${name} = defineAction(...)\``);
  }
  return problems;
}

/** Functions with their own "use server" directive (inline server actions), by line. */
function inlineServerFunctions(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body as ts.Node)) {
      if (hasUseServer((node.body as ts.Block).statements))
        lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return lines;
}

function parse(file: string, text = fs.readFileSync(file, "utf8")) {
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

describe('"use server" modules', () => {
  const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

  it("export only actions built with defineAction or definePublicAction, and no function is an inline action", () => {
    const problems: string[] = [];
    let modules = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      if (!text.includes("use server")) continue; // parsing only these keeps the test fast
      const source = parse(file, text);
      const where = path.relative(ROOT, file);
      if (hasUseServer(source.statements)) {
        modules++;
        for (const problem of problemsOfServerModule(source)) problems.push(`${where}: ${problem}`);
      }
      for (const line of inlineServerFunctions(source))
        problems.push(
          `${where}:${line}: an inline "use server" function (move it to an actions.ts, built with defineAction)`,
        );
    }
    expect(modules, "no action modules found: is the walk broken?").toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  it("the check itself tells a built action from a hand-written one", () => {
    const good = parse(
      "good.ts",
      `"use server";\nimport { defineAction } from "x";\nexport type R = { a: 1 };\nexport const aAction = defineAction(s, {}, run);\n`,
    );
    expect(problemsOfServerModule(good)).toEqual([]);
    const bad = parse(
      "bad.ts",
      `"use server";\nexport async function fAction() {}\nexport let lAction = defineAction(s, {}, run);\nexport const wAction = wrap(defineAction(s, {}, run));\nexport { x } from "y";\nexport default async function d() {}\n`,
    );
    expect(problemsOfServerModule(bad)).toHaveLength(5);
    const inline = parse(
      "inline.tsx",
      `export function Page() {\n  async function go() {\n    "use server";\n  }\n}\n`,
    );
    expect(inlineServerFunctions(inline)).toEqual([2]);
  });
});
