import fs from "node:fs";
import path from "node:path";
import { type Browser, expect } from "@playwright/test";
import { E2E } from "./config";

// The app's whole attack surface, discovered from the file system (so a new page, route handler or server action
// is covered without editing the tests), and a client for Next's server-action protocol.

const ROOT = path.resolve(__dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") walk(abs, out);
    } else out.push(path.relative(ROOT, abs).split(path.sep).join("/"));
  }
  return out;
}

/** "app/(dashboard)/campaigns/[id]/page.tsx" -> "/campaigns/[id]" (route groups dropped). */
export function routeOf(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export type PageEntry = { kind: "page"; file: string; route: string };
export type RouteEntry = { kind: "route"; file: string; route: string; methods: string[] };
export type ActionEntry = { kind: "action"; file: string; name: string };

export function discoverPages(): PageEntry[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => ({ kind: "page" as const, file, route: routeOf(file) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function discoverRouteHandlers(): RouteEntry[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .map((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      const methods = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) methods.add(m[1]!);
      // `export const { GET, POST } = handlers` (the local name after a colon) and `export { x as GET }`.
      for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g))
        for (const n of m[1]!.split(","))
          methods.add(
            n
              .trim()
              .split(/\s*:\s*/)
              .pop()!,
          );
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
        for (const n of m[1]!.split(","))
          methods.add(
            n
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          );
      return {
        kind: "route" as const,
        file,
        route: routeOf(file),
        methods: [...methods].filter((m) => HTTP_METHODS.includes(m)).sort(),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Every export of every `"use server"` file (actions.ts and any other) under app/ and components/. */
export function discoverActions(): ActionEntry[] {
  const files = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))].filter((f) =>
    /\.(ts|tsx)$/.test(f),
  );
  const out: ActionEntry[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    const code = source.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    if (!/^["']use server["']/.test(code)) continue; // only module-level "use server" files export actions
    for (const m of source.matchAll(/export\s+(?:async\s+function|const|let|function)\s+([A-Za-z_$][\w$]*)/g)) {
      out.push({ kind: "action", file, name: m[1]! });
    }
  }
  return out.sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };

/** The built action ids (.next/server/server-reference-manifest.json), by "file#exportName". */
export function actionManifest(): Map<string, { id: string; pages: string[] }> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, ManifestEntry>;
  };
  const byKey = new Map<string, { id: string; pages: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const pages = Object.keys(entry.workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) => routeOf(`${w}.tsx`));
    byKey.set(`${entry.filename}#${entry.exportedName}`, { id, pages });
  }
  return byKey;
}

/** Encodes one argument the way React's encodeReply does for plain JSON values (strings starting with $ escaped). */
function encodeValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "$NaN";
    if (value === Infinity) return "$Infinity";
    if (value === -Infinity) return "$-Infinity";
    return value;
  }
  if (typeof value === "bigint") return `$n${value}`;
  if (value instanceof Date) return `$D${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  return value;
}

export type ActionResponse = { status: number; redirect: string | null; body: string; result: unknown };

/**
 * Calls a server action over HTTP exactly as the browser's action client does: POST to a page that uses it with
 * the `Next-Action` header (the id from the build's manifest) and the arguments encoded as React does. A
 * FormData argument (forms wired with useActionState) goes as multipart with React's `$K` reference.
 */
export async function callAction(options: {
  id: string;
  page: string;
  args: unknown[];
  cookie?: string;
  chunked?: boolean;
}): Promise<ActionResponse> {
  const headers: Record<string, string> = {
    "next-action": options.id,
    accept: "text/x-component",
    origin: E2E.baseURL,
  };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | FormData;
  const formIndex = options.args.findIndex((a) => a instanceof FormData);
  if (formIndex >= 0) {
    const form = new FormData();
    const root = options.args.map((a, i) => (i === formIndex ? "$K1" : encodeValue(a)));
    // Entries first, the root "0" last, as React sends them: the server decodes while the body streams in.
    for (const [k, v] of options.args[formIndex] as FormData) form.append(`_1_${k}`, v);
    form.set("0", JSON.stringify(root));
    body = form;
  } else {
    headers["content-type"] = "text/plain;charset=UTF-8";
    body = JSON.stringify(options.args.map(encodeValue));
  }
  // chunked: the same body as a stream, so it goes out without a Content-Length (Transfer-Encoding: chunked).
  const sent = options.chunked ? new Response(body).body! : body;
  const res = await fetch(`${E2E.baseURL}${options.page}`, {
    method: "POST",
    headers,
    body: sent,
    redirect: "manual",
    ...(options.chunked ? { duplex: "half" } : {}),
  } as RequestInit);
  const text = await res.text();
  return {
    status: res.status,
    redirect: res.headers.get("x-action-redirect") ?? res.headers.get("location"),
    body: text,
    result: parseActionResult(text),
  };
}

/** The action's return value from the RSC payload ("0:{...,"a":"$@1"}\n1:{...}"); undefined when there is none. */
export function parseActionResult(text: string): unknown {
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m) continue;
    try {
      rows.set(m[1]!, JSON.parse(m[2]!));
    } catch {
      // not JSON (a chunk of another type): irrelevant here
    }
  }
  const root = rows.get("0") as { a?: unknown } | undefined;
  if (!root || !("a" in root)) return undefined;
  const resolve = (v: unknown): unknown =>
    typeof v === "string" && /^\$@[0-9a-f]+$/.test(v) ? rows.get(v.slice(2)) : v;
  return resolve(root.a);
}

/** The session cookie header after signing in through the real form in a throwaway browser context. */
export async function sessionCookie(browser: Browser, email: string, password: string): Promise<string> {
  const context = await browser.newContext({ baseURL: E2E.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A well-formed but forged session cookie: passes the optimistic proxy, so the request reaches the real check. */
export const FORGED_SESSION_COOKIE =
  "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged.forged.forged.forged";
