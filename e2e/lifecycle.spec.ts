import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E } from "./support/config";
import { startLauncher, waitUntilReady } from "./support/launcher";

// `npm start` itself: first run without configuration, clean stop, restart with data kept, and recovery after
// the process is killed outright (the built-in database left behind is shut down and restarted).
const PORT = E2E.port + 1;
const dataDir = path.resolve(`data/e2e-lifecycle-${E2E.offset}`);
const env = {
  PORT: String(PORT),
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(E2E.embeddedPgPort + 1),
  CPSMS_SANDBOX_PORT: String(E2E.cpsmsSandboxPort + 100),
  SMSAPP_SANDBOX_PORT: String(E2E.smsappSandboxPort + 100),
};
const baseURL = `http://localhost:${PORT}`;

test.describe.configure({ timeout: 180_000 });

test("first run prints a one-time owner password; stop, restart and crash recovery keep the data", async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });

  const first = startLauncher(env);
  await waitUntilReady(first);
  const password = /Password:\s+(\S+)/.exec(first.output())?.[1];
  expect(password, first.output()).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  expect(first.output()).toContain("owner@example.com");
  expect(fs.statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
  await expectSignIn("owner@example.com", password!);

  first.child.kill("SIGINT");
  expect(await first.exited).toBe(0);
  expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

  const second = startLauncher(env);
  await waitUntilReady(second);
  expect(second.output()).not.toContain("Password:");
  await expectSignIn("owner@example.com", password!);

  // A crash: the launcher dies without cleaning up and its database server is orphaned.
  const pgPid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  second.child.kill("SIGKILL");
  await second.exited;
  expect(isAlive(pgPid)).toBe(true);

  const third = startLauncher(env);
  await waitUntilReady(third);
  expect(isAlive(pgPid)).toBe(false);
  await expectSignIn("owner@example.com", password!);
  third.child.kill("SIGTERM");
  expect(await third.exited).toBe(0);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function expectSignIn(email: string, password: string) {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
  // A generated password must be changed first: the dashboard sends the owner to the password page.
  const home = await api.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers().location).toContain("/settings/account?required=1");
  await api.dispose();
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
