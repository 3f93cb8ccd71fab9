import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/auth";
import { E2E } from "./support/config";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";
import { actionManifest, callAction, sessionCookie } from "./support/surface";

// Issue #14, items 1, 3, 7, 8 and 11: what an attacker got through on a running instance, tried again.

const ESCAPE = "/%09/127.0.0.1:4650/_sandbox"; // a tab after the first slash: browsers drop it and leave the site

/** Signs in with a plain POST to Auth.js (no browser), leaving the session cookie in `request`. */
async function apiSignIn(
  request: APIRequestContext,
  email = E2E.owner.email,
  password = E2E.owner.password,
  callbackUrl = "/",
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl },
    maxRedirects: 0,
  });
}

function expectOnSite(location: string | undefined, pathname = "/") {
  expect(location, "a redirect").toBeTruthy();
  const url = new URL(location!, E2E.baseURL);
  expect(url.origin).toBe(E2E.baseURL);
  expect(url.pathname).toBe(pathname);
}

test.describe("1. callbackUrl never leaves the site", () => {
  test("a signed-in user opening the sign-in page is sent to the dashboard, never elsewhere, and odd inputs are no 500", async ({
    request,
  }) => {
    expect((await apiSignIn(request)).status()).toBe(302);
    for (const value of [
      ESCAPE,
      "/%0a/evil.test",
      "/%0d/evil.test",
      "/%E3%80%80/evil.test",
      "//evil.test",
      "/%5Cevil.test",
    ]) {
      const response = await request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
      expect(response.status(), value).toBeLessThan(400);
      expectOnSite(response.headers().location);
    }
    const fine = await request.get(`/sign-in?callbackUrl=${encodeURIComponent("/history?status=failed")}`, {
      maxRedirects: 0,
    });
    expect(new URL(fine.headers().location!, E2E.baseURL).href).toBe(`${E2E.baseURL}/history?status=failed`);
  });

  test("signed out, the three inputs that gave 500s show the sign-in page with the dashboard as target", async ({
    request,
  }) => {
    for (const value of ["/%0a/evil.test", "/%0d/evil.test", "/%E3%80%80/evil.test", ESCAPE]) {
      const response = await request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
      expect(response.status(), value).toBe(200);
      expect(await response.text()).toContain('name="callbackUrl" value="/"');
    }
  });

  test("after the sign-in form, a tab-escaped callbackUrl lands on the dashboard of this site", async ({ page }) => {
    const user = await seed.user("staff");
    await page.goto(`/sign-in?callbackUrl=${ESCAPE}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(E2E.baseURL);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("Auth.js's own endpoints send an escaping callbackUrl to the dashboard", async ({ request }) => {
    const user = await seed.user("staff");
    const signedIn = await apiSignIn(request, user.email, user.password, decodeURIComponent(ESCAPE));
    expect(signedIn.status()).toBe(302);
    expectOnSite(signedIn.headers().location);

    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const out = await request.post("/api/auth/signout", {
      form: { csrfToken, callbackUrl: "https://evil.test/" },
      maxRedirects: 0,
    });
    expectOnSite(out.headers().location);
  });
});

/** POSTs a server action from a chosen loopback source address (127.0.0.2 is a different client than 127.0.0.1). */
function postFrom(localAddress: string, pagePath: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E.port,
        path: pagePath,
        method: "POST",
        localAddress,
        headers: { ...headers, "content-length": String(body.length) },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function signInActionRequest(email: string, password: string) {
  const action = actionManifest().get("app/(auth)/sign-in/actions.ts#signInAction");
  expect(action, "signInAction in the build's manifest").toBeTruthy();
  const form = new FormData();
  form.append("_1_email", email);
  form.append("_1_password", password);
  form.append("_1_callbackUrl", "/");
  form.set("0", JSON.stringify([{}, "$K1"]));
  const encoded = new Response(form);
  return {
    headers: {
      "next-action": action!.id,
      accept: "text/x-component",
      origin: E2E.baseURL,
      host: `localhost:${E2E.port}`,
      "content-type": encoded.headers.get("content-type")!,
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  };
}

test.describe("3. the throttle's address", () => {
  test("a sign-in action posted to a page that doesn't hold it is throttled on the real client's address", async () => {
    const user = await seed.user("staff");
    const attacker = "127.0.0.2";
    // The attacker's address is already paused (20 failures in the window).
    await seed.failedSignIns(attacker, 20);
    const attempts = () => lookup.signInAttemptAddresses(user.email);

    const { headers, body } = await signInActionRequest(user.email, "a wrong guess");
    const direct = await postFrom(attacker, "/sign-in", headers, body);
    expect(direct.body).toContain("Too many failed sign-in attempts");

    // The opt-out page is public and holds no sign-in action: Next forwards it over loopback.
    const forwarded = await postFrom(attacker, "/o/not-a-real-token", headers, body);
    expect(forwarded.status).toBeLessThan(500);
    expect(await attempts(), "no password was checked, none recorded against 127.0.0.1").toEqual([]);

    // A forged "already forwarded" marker is refused outright.
    const forged = await postFrom(attacker, "/sign-in", { ...headers, "x-action-forwarded": "1" }, body);
    expect(forged.status).toBe(403);
    expect(await attempts()).toEqual([]);
  });
});

test.describe("7. sign-out ends the session", () => {
  test("a copy of the session cookie stops working after sign-out: sign-in page, and an action is refused", async ({
    page,
    context,
  }) => {
    const user = await seed.user("staff");
    await signIn(page, user.email, user.password);
    const copy = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await signOut(page);

    const pageWithCopy = await fetch(`${E2E.baseURL}/settings/account`, {
      headers: { cookie: copy },
      redirect: "manual",
    });
    expect(pageWithCopy.status).toBe(307);
    expect(pageWithCopy.headers.get("location")).toMatch(/\/sign-in/);

    const action = actionManifest().get("app/(dashboard)/settings/account/actions.ts#changeOwnPasswordAction")!;
    const result = await callAction({
      id: action.id,
      page: "/settings/account",
      cookie: copy,
      args: [{ currentPassword: user.password, newPassword: "taken over 12345", confirmPassword: "taken over 12345" }],
    });
    expect(result.result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("Settings > Account lists the sessions and signs out everywhere", async ({ page, browser }) => {
    const user = await seed.user("manager");
    const other = await sessionCookie(browser, user.email, user.password);
    await signIn(page, user.email, user.password, "/settings/account");
    const sessions = page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const elsewhere = await fetch(`${E2E.baseURL}/settings/account`, {
      headers: { cookie: other },
      redirect: "manual",
    });
    expect(elsewhere.headers.get("location")).toMatch(/\/sign-in/);
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("8. guessing the current password from a session", () => {
  test("after 5 wrong current passwords even the right one is refused, with when to try again", async ({ page }) => {
    const user = await seed.user("staff");
    await signIn(page, user.email, user.password, "/settings/account");
    const attempt = async (current: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password", { exact: true }).fill("a brand new password");
      await page.getByLabel("Repeat the new password").fill("a brand new password");
      const answered = page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().includes("/settings/account"),
      );
      await page.getByRole("button", { name: "Change password" }).click();
      await answered;
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong guess ${i}`);
      await expect(page.locator("#currentPassword-error")).toHaveText("Your current password is not correct.");
    }
    await attempt(user.password);
    await expect(page.locator("#currentPassword-error")).toHaveText(
      /Too many wrong current passwords.*try again in 1[45] minutes/,
    );
    expect((await lookup.userById(user.id))?.sessionVersion, "the password was not changed").toBe(1);
  });
});

// An instance of our own listening on all addresses (HOST=0.0.0.0), as `npm start` does by default.
const PORT = E2E.port + 6;
const PG_PORT = E2E.embeddedPgPort + 6;
const ALL_BASE = `http://localhost:${PORT}`;
const allDataDir = path.resolve(`data/e2e-auth-hardening-${E2E.offset}`);

test.describe("11. Auth.js redirects with HOST=0.0.0.0", () => {
  let app: Launcher;
  test.describe.configure({ mode: "serial", timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    fs.rmSync(allDataDir, { recursive: true, force: true });
    app = startLauncher({
      HOST: "0.0.0.0",
      PORT: String(PORT),
      DATA_DIR: allDataDir,
      EMBEDDED_PG_PORT: String(PG_PORT),
      CPSMS_SANDBOX_PORT: String(E2E.cpsmsSandboxPort + 6),
      SMSAPP_SANDBOX_PORT: String(E2E.smsappSandboxPort + 6),
      CPSMS_BASE_URL: `http://127.0.0.1:${E2E.cpsmsSandboxPort + 6}/v2`,
      SMSAPP_BASE_URL: `http://127.0.0.1:${E2E.smsappSandboxPort + 6}/api/v3`,
      ADMIN_EMAIL: "all-hosts@cafe.test",
      ADMIN_PASSWORD: "all hosts owner password",
    });
    await waitUntilReady(app);
  });

  test.afterAll(async () => {
    app?.child.kill("SIGTERM");
    await app?.exited;
    fs.rmSync(allDataDir, { recursive: true, force: true });
  });

  test("GET and POST on /api/auth never point the browser at 0.0.0.0", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: ALL_BASE });
    const seen: string[] = [];
    const look = async (p: Promise<import("@playwright/test").APIResponse>) => {
      const response = await p;
      seen.push(`${response.status()} ${response.headers().location ?? ""} ${await response.text()}`);
      return response;
    };
    await look(request.get("/api/auth/signout", { maxRedirects: 0 }));
    await look(request.get("/api/auth/signin", { maxRedirects: 0 }));
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    await look(request.post("/api/auth/signin", { form: { csrfToken }, maxRedirects: 0 }));
    const signedIn = await look(
      request.post("/api/auth/callback/credentials", {
        form: {
          csrfToken,
          email: "all-hosts@cafe.test",
          password: "all hosts owner password",
          callbackUrl: "/history",
        },
        maxRedirects: 0,
      }),
    );
    expect(signedIn.headers().location).toBe(`${ALL_BASE}/history`);
    await look(request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 }));
    for (const answer of seen) expect(answer).not.toContain("0.0.0.0");
    await request.dispose();
  });
});
