import fs from "node:fs";
import path from "node:path";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  request,
} from "@playwright/test";
import { E2E } from "./config";
import type { SeededUser } from "./seed";

// Three ways in. The sign-in form, for the specs about signing in and sessions. A stored session per role
// (e2e/auth.setup.ts signs each in once through the form), for every spec that only needs to be signed in. And
// Auth.js's own credentials endpoint, for a test's own user (one whose role, password or sessions it changes).

export type Role = "owner" | "manager" | "staff";
export const ROLES: Role[] = ["owner", "manager", "staff"];

/** Under the e2e data dir, so each E2E_PORT_OFFSET has its own and every run (which wipes that dir) starts fresh. */
const SESSIONS_DIR = path.join(E2E.dataDir, "sessions");

/** No session: for a describe block of signed-out visitors in a spec that is otherwise signed in. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** The stored session (Playwright storageState) of a role: `test.use({ storageState: sessionFile("owner") })`. */
export const sessionFile = (role: Role) => path.join(SESSIONS_DIR, `${role}.json`);
const userFile = (role: Role) => path.join(SESSIONS_DIR, `${role}.user.json`);

/** Records who a role's stored session belongs to (auth.setup.ts). */
export function saveSharedUser(role: Role, user: SeededUser) {
  fs.mkdirSync(SESSIONS_DIR, { recursive: true });
  fs.writeFileSync(userFile(role), JSON.stringify(user));
}

/**
 * The user behind a role's stored session. Shared by every spec: don't change its role, password, phone or
 * sessions (sign out everywhere); a test that does seeds its own user and signs it in with `signInByApi`.
 */
export function sharedUser(role: Role): SeededUser {
  return JSON.parse(fs.readFileSync(userFile(role), "utf8")) as SeededUser;
}

/** The Cookie header of a role's stored session, for requests made outside a browser. */
export function sessionCookieOf(role: Role): string {
  const state = JSON.parse(fs.readFileSync(sessionFile(role), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Signs in through the real form and waits until the dashboard shell is shown. */
export async function signIn(page: Page, email: string, password: string, path = "/") {
  await page.goto(path === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
}

/** Signs out through the account menu. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export const API_SIGN_IN_AGENT = "Playwright e2e (signed in by API)";

/**
 * Signs a user in with a plain POST to Auth.js (no page, no form), leaving the session cookie in `to`: a
 * browser context (its pages are then signed in) or a request context, on the server of its baseURL. A session
 * of its own, like a new device.
 */
export async function signInByApi(
  to: BrowserContext | APIRequestContext,
  user: Pick<SeededUser, "email" | "password">,
) {
  const api = "request" in to ? to.request : to;
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/" },
    // Marks the session (user_sessions.user_agent) so a run's form and API sign-ins can be counted apart.
    headers: { "user-agent": API_SIGN_IN_AGENT },
    maxRedirects: 0,
  });
  expect(response.headers().location ?? "", `sign-in of ${user.email}`).not.toContain("error");
}

/** The Cookie header of a fresh session of this user (signed in by API), for requests made outside a browser. */
export async function apiSessionCookie(user: Pick<SeededUser, "email" | "password">): Promise<string> {
  // Playwright gives new contexts the spec's `use` options: say "no stored session" explicitly.
  const api = await request.newContext({ baseURL: E2E.baseURL, storageState: undefined });
  try {
    await signInByApi(api, user);
    const { cookies } = await api.storageState();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await api.dispose();
  }
}

/** A phone (390 px, en-GB, Copenhagen time) signed in as `role`, opened at `path`: a till or a manager's phone. */
export async function phoneAs(browser: Browser, role: Role, path = "/") {
  const context = await browser.newContext({
    baseURL: E2E.baseURL,
    storageState: sessionFile(role),
    viewport: { width: 390, height: 844 },
    locale: "en-GB",
    timezoneId: "Europe/Copenhagen",
  });
  const page = await context.newPage();
  await page.goto(path);
  return { page, close: () => context.close() };
}
