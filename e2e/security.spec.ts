import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { embeddedDbUrl } from "./support/db";
import { enqueueDispatch, sandboxControl } from "./support/instance";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";
import { lookupOn } from "./support/lookups";
import { seedOn } from "./support/seed";

// Issue #7 "Secrets" and security headers, against an instance of our own so that its complete stdout and
// stderr (debug logging on) can be searched afterwards. Distinctive secrets are configured for this run, the
// owner saves provider credentials through Settings > Providers, provider faults (one echoing the key back)
// are shown, and at the end the logs, the pages and the client bundle are searched for every secret.

const tag = randomBytes(6).toString("hex");
const SECRETS = {
  AUTH_SECRET: `e2esec-auth-secret-${tag}-0123456789abcdef`,
  ENCRYPTION_KEY: `e2esec-encryption-key-${tag}-0123456789`,
  ADMIN_PASSWORD: `e2esec-owner-pw-${tag}`,
  CPSMS_API_KEY: `e2esec-cpsms-key-${tag}`,
  SMSAPP_API_TOKEN: `e2esec-smsapp-token-${tag}`,
};
const OWNER_EMAIL = "security-owner@cafe.test";
const CPSMS_USER = `e2esec-user-${tag}`;
// Ports ≥ 5300 (the shared e2e server and the other suites use lower ones).
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const PORT = 5310 + (OFFSET % 100);
const PG_PORT = PORT + 1;
const SANDBOX = { cpsms: PORT + 2, smsapp: PORT + 3 };
const BASE_URL = `http://localhost:${PORT}`;
const dataDir = path.resolve(`data/e2e-security-${OFFSET}`);

let app: Launcher;
let dbUrl: string;
const seed = seedOn(() => dbUrl);
const lookup = lookupOn(() => dbUrl);
/** Whatever the pages showed, searched at the end too. */
const pageTexts: string[] = [];
const cspViolations: string[] = [];

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: BASE_URL });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  app = startLauncher({
    PORT: String(PORT),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(PG_PORT),
    CPSMS_SANDBOX_PORT: String(SANDBOX.cpsms),
    SMSAPP_SANDBOX_PORT: String(SANDBOX.smsapp),
    // "Live" credentials are checked against this instance's own sandboxes, which expect the distinctive ones.
    CPSMS_BASE_URL: `http://127.0.0.1:${SANDBOX.cpsms}/v2`,
    SMSAPP_BASE_URL: `http://127.0.0.1:${SANDBOX.smsapp}/api/v3`,
    CPSMS_SANDBOX_USERNAME: CPSMS_USER,
    CPSMS_SANDBOX_API_KEY: SECRETS.CPSMS_API_KEY,
    SMSAPP_SANDBOX_TOKEN: SECRETS.SMSAPP_API_TOKEN,
    AUTH_SECRET: SECRETS.AUTH_SECRET,
    ENCRYPTION_KEY: SECRETS.ENCRYPTION_KEY,
    ADMIN_EMAIL: OWNER_EMAIL,
    ADMIN_PASSWORD: SECRETS.ADMIN_PASSWORD,
    LOG_LEVEL: "debug",
  });
  await waitUntilReady(app, 170_000);
  dbUrl = embeddedDbUrl(dataDir, PG_PORT);
  // This file is not about quiet hours: its resume must work at any hour of the day the suite runs.
  await seed.quietHours("00:00", "00:00");
  await seed.frequencyCap(false); // nor about the frequency cap: it texts the same guests again
});

test.afterAll(async () => {
  if (app && app.child.exitCode === null) {
    app.child.kill("SIGTERM");
    const timer = setTimeout(() => app.child.kill("SIGKILL"), 15_000);
    await app.exited;
    clearTimeout(timer);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function watchCsp(page: Page) {
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text()))
      cspViolations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => cspViolations.push(`${page.url()}: page error ${e.message}`));
}

test("security headers: nonce CSP that the production build runs under, frame-ancestors, referrer policy, no HSTS on http", async ({
  page,
}) => {
  watchCsp(page);
  const signInResponse = await page.goto("/sign-in");
  const headers = signInResponse!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"], "no HSTS without an https PUBLIC_URL").toBeUndefined();
  // A fresh nonce per response, and Next put it on its scripts.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce);
  expect(await page.locator("script[src]").count()).toBeGreaterThan(0);
  // Every script the server sends carries the nonce. Chunks the page's own scripts load later (a client
  // component first met in the streamed payload) are trusted through 'strict-dynamic' and need none; any
  // script the policy refused would show up in watchCsp's violations.
  const html = await (await page.request.get("/sign-in")).text();
  const unNonced = [...html.matchAll(/<script\b[^>]*>/g)].filter((m) => !/\snonce="/.test(m[0]));
  expect(
    unNonced.map((m) => m[0]),
    "scripts sent without the nonce",
  ).toEqual([]);

  // The app works under the policy: signing in is client-side JS, and pages render and navigate.
  await signIn(page, OWNER_EMAIL, SECRETS.ADMIN_PASSWORD);
  for (const p of ["/", "/campaigns", "/compose", "/settings/providers", "/settings/users"]) {
    const response = await page.goto(p);
    expect(response!.status(), p).toBe(200);
    expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    pageTexts.push(await page.content());
  }
  await page
    .getByRole("link", { name: /Campaigns/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/campaigns/);
  expect(cspViolations, "CSP violations or page errors").toEqual([]);
});

test("server actions refuse a cross-origin call (and the same call from our origin works)", async ({ page }) => {
  watchCsp(page);
  await signIn(page, OWNER_EMAIL, SECRETS.ADMIN_PASSWORD, "/settings/providers");
  const cpsms = page.getByTestId("provider-cpsms");
  // Capture a real server action call: saving the default sender.
  const captured = page.waitForRequest(
    (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && Boolean(r.postData()?.includes("CafeRose")),
  );
  await cpsms.getByLabel("Default sender").fill("CafeRose");
  await cpsms.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Default sender set to CafeRose.")).toBeVisible();
  const request = await captured;
  const body = request.postData()!;
  expect(body).toContain("CafeRose");
  const keep = ["next-action", "next-router-state-tree", "content-type", "accept"];
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([k]) => keep.includes(k)));
  const sender = async () => (await lookup.providerSettings("cpsms"))?.defaultSender;

  // Replayed from another site (the victim's cookies ride along, as in a CSRF attack): refused, nothing changed.
  for (const origin of ["https://evil.example", "http://localhost:5999", "null"]) {
    const forged = await page.request.post(request.url(), {
      headers: { ...headers, origin },
      data: body.replace("CafeRose", "EvilCo"),
    });
    expect(forged.status(), `Origin ${origin}`).toBe(500);
    expect(await forged.text()).not.toContain("EvilCo");
    expect(await sender()).toBe("CafeRose");
  }
  // The identical request from our own origin goes through, so the Origin check is what refused it.
  const same = await page.request.post(request.url(), {
    headers: { ...headers, origin: BASE_URL },
    data: body.replace("CafeRose", "BistroNord"),
  });
  expect(same.status()).toBe(200);
  expect(await sender()).toBe("BistroNord");
  expect(cspViolations).toEqual([]);
});

test("provider credentials: saved, used, faults shown in plain words without the key", async ({ page }) => {
  watchCsp(page);
  await signIn(page, OWNER_EMAIL, SECRETS.ADMIN_PASSWORD, "/settings/providers");
  const cpsms = page.getByTestId("provider-cpsms");
  await cpsms.getByLabel("CPSMS username").fill(CPSMS_USER);
  await cpsms.getByLabel("CPSMS API key").fill(SECRETS.CPSMS_API_KEY);
  await cpsms.getByRole("button", { name: "Save API key" }).click();
  await expect(page.getByTestId("connection-cpsms")).toContainText("Connected");
  const smsapp = page.getByTestId("provider-smsapp");
  await smsapp.getByLabel("smsapp.pk API token").fill(SECRETS.SMSAPP_API_TOKEN);
  await smsapp.getByRole("button", { name: "Save API token" }).click();
  await expect(page.getByTestId("connection-smsapp")).toContainText("Connected");
  await expect(cpsms.getByText("Live", { exact: true })).toBeVisible();

  // A working send with the saved key, then provider faults, one of which echoes the key back.
  const control = sandboxControl(SANDBOX.cpsms);
  // Test sends go only to a verified phone: the owner's, set here directly (the code flow is in test-sends.spec).
  await seed.verifiedPhone(OWNER_EMAIL, "+4520304050");
  await page.reload();
  await expect(cpsms.getByLabel("Send to")).toHaveValue("own", { timeout: 30_000 });
  await cpsms.getByRole("button", { name: "Send test SMS" }).click();
  await expect(page.getByTestId("test-sms-result-cpsms")).toContainText("accepted the message");

  const echo = `Invalid apikey ${SECRETS.CPSMS_API_KEY} for user ${CPSMS_USER} (Authorization: Basic ${Buffer.from(`${CPSMS_USER}:${SECRETS.CPSMS_API_KEY}`).toString("base64")})`;
  const faults = [
    {
      fault: {
        type: "status",
        status: 401,
        body: { error: { code: 401, message: echo, errorCode: 401, errMsg: echo } },
      },
      says: /login details/,
    },
    { fault: { type: "status", status: 500 }, says: /problems on their side/ },
    { fault: { type: "reset" }, says: /could not reach|check the delivery log/i },
    { fault: { type: "malformed" }, says: /could not read/ },
  ];
  for (const { fault, says } of faults) {
    await control.fault({ path: "/send", fault });
    await cpsms.getByRole("button", { name: "Send test SMS" }).click();
    const result = page.getByTestId("test-sms-result-cpsms");
    await expect(result).toContainText("did not accept the message");
    await expect(result).toContainText(says);
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
    const text = await result.innerText();
    expect(text).not.toContain(SECRETS.CPSMS_API_KEY);
    expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}|\n\s+at |Error:/);
    pageTexts.push(await page.content());
  }
  await control.clearFaults();
  expect(cspViolations).toEqual([]);
});

test("provider faults during a campaign: the page shows a plain reason (never the key), and resume finishes it once", async ({
  page,
}) => {
  // Runs after the credentials test: dispatch uses the saved "live" CPSMS key, so its failures are in the logs
  // the last test searches.
  watchCsp(page);
  const control = sandboxControl(SANDBOX.cpsms);
  const echo = `Access denied for apikey ${SECRETS.CPSMS_API_KEY}`;
  await control.fault({
    path: "/send",
    times: "always",
    fault: { type: "status", status: 403, body: { error: { code: 403, message: echo, errorCode: 403, errMsg: echo } } },
  });
  const id = await seed.bulkCampaign("cpsms", 30);
  await enqueueDispatch(dbUrl, id);
  await expect.poll(async () => (await lookup.campaignStatus(id)).status, { timeout: 30_000 }).toBe("paused");

  await signIn(page, OWNER_EMAIL, SECRETS.ADMIN_PASSWORD, `/campaigns/${id}`);
  const alert = page.getByRole("alert").filter({ hasText: "Paused" });
  await expect(alert).toContainText(/refused the request from this server/);
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: innerText() is the text as shown
  expect(await alert.innerText()).not.toContain(SECRETS.CPSMS_API_KEY);
  await expect(page.getByText(/Application error|Something went wrong|Internal Server Error/i)).toHaveCount(0);
  pageTexts.push(await page.content());
  const listed = await page.goto("/campaigns");
  expect(listed!.status()).toBe(200);
  pageTexts.push(await page.content());

  // The account is fixed; the manager resumes; every guest is texted exactly once.
  await control.clearFaults();
  await page.goto(`/campaigns/${id}`);
  await page.getByRole("button", { name: "Resume" }).click();
  await expect
    .poll(async () => lookup.campaignStatus(id), { timeout: 60_000 })
    .toEqual({ status: "completed", counts: { accepted: 30 } });
  const received = await control.handsets();
  const ours = Object.entries(received).filter(([to]) => /^452100000\d$|^45210000[0-2]\d$/.test(to));
  expect(ours).toHaveLength(30);
  expect(ours.every(([, messages]) => messages.length === 1)).toBe(true);
  expect(cspViolations).toEqual([]);
});

test("no secret in the server logs, the pages, or the client bundle", async () => {
  const hash = (await lookup.user(OWNER_EMAIL))!.passwordHash;
  expect(hash).toMatch(/^\$argon2/);
  const needles = {
    ...SECRETS,
    PASSWORD_HASH: hash,
    CPSMS_BASIC_AUTH: Buffer.from(`${CPSMS_USER}:${SECRETS.CPSMS_API_KEY}`).toString("base64"),
  };

  // Stop the instance first so every line it would write is in.
  app.child.kill("SIGTERM");
  await app.exited;
  const logs = app.output();
  expect(logs.length, "the run produced logs").toBeGreaterThan(1000);
  expect(logs).toContain("is ready at");
  for (const [name, value] of Object.entries(needles)) {
    expect(logs.includes(value), `${name} in the server logs`).toBe(false);
    for (const html of pageTexts) expect(html.includes(value), `${name} in a page`).toBe(false);
  }
  expect(logs).not.toMatch(/\$argon2id?\$/);

  // The client bundle: no secret value, no server-only configuration, no server modules.
  const files = listFiles(path.resolve(".next/static"));
  expect(files.length).toBeGreaterThan(10);
  const forbidden = [
    ...Object.values(needles),
    "$argon2",
    "ENCRYPTION_KEY",
    "AUTH_SECRET",
    "CPSMS_API_KEY",
    "SMSAPP_API_TOKEN",
    "ADMIN_PASSWORD",
    "DATABASE_URL",
    "secret_ciphertext",
    "password_hash",
    "sandbox-cpsms-api-key", // the sandbox defaults live in lib/env.ts: seeing them means server config was bundled
    "sandbox-smsapp-token",
  ];
  const hits: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "latin1");
    for (const needle of forbidden)
      if (text.includes(needle)) hits.push(`${path.relative(".next/static", file)}: ${needle.slice(0, 24)}`);
  }
  expect(hits, "secrets or server configuration in the client bundle").toEqual([]);
});

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
