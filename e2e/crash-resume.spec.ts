import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import { embeddedDbUrl } from "./support/db";
import { enqueueDispatch, sandboxControl, startSandboxProcess } from "./support/instance";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";
import { lookupOn } from "./support/lookups";
import { seedOn } from "./support/seed";
import { expectUnchanged } from "./support/wait";

// Money is at stake: a dispatcher killed outright in the middle of a send must, after a restart, finish the
// campaign with every guest texted exactly once. The sandboxes run as their own process, like real providers
// that don't forget what they received when our app dies.
const PORT = E2E.port + 2;
const PG_PORT = E2E.embeddedPgPort + 2;
const dataDir = path.resolve(`data/e2e-crash-${E2E.offset}`);
const sandboxPorts = { cpsms: E2E.cpsmsSandboxPort + 200, smsapp: E2E.smsappSandboxPort + 200 };
const env = {
  PORT: String(PORT),
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(PG_PORT),
  CPSMS_SANDBOX_PORT: String(sandboxPorts.cpsms),
  SMSAPP_SANDBOX_PORT: String(sandboxPorts.smsapp),
  CPSMS_BASE_URL: "",
  SMSAPP_BASE_URL: "",
};

test.describe.configure({ timeout: 300_000 });

/** Kill points: after a random share of the 2,000 guests has been texted, different on every run. */
const KILLS = 3;
const killPoints = () =>
  Array.from({ length: KILLS }, (_, i) => Math.floor(((i + Math.random()) / KILLS) * 1500) + 100).sort((a, b) => a - b);

for (const provider of ["cpsms", "smsapp"] as const) {
  test(`${provider}: killing the app at ${KILLS} random points mid-send and restarting texts every guest exactly once`, async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const sandbox = startSandboxProcess(sandboxPorts);
    await sandbox.ready();
    const control = sandboxControl(sandboxPorts[provider]);
    await control.setBalance(1_000_000);
    let app: Launcher | undefined;
    try {
      app = startLauncher(env);
      await waitUntilReady(app);
      expect(app.output()).toContain("sharing the one already running"); // the app uses the outside sandbox
      const url = embeddedDbUrl(dataDir, PG_PORT);

      // Slow the provider down so each kill lands in the middle.
      await control.fault({
        path: provider === "cpsms" ? "/send" : "/sms/*",
        times: "always",
        delayMs: provider === "cpsms" ? 1000 : 600,
      });
      const campaignId = await seedOn(url).bulkCampaign(provider, 2000);
      await enqueueDispatch(url, campaignId);
      const texted = async () => Object.keys(await control.handsets()).length;

      const points = killPoints();
      test.info().annotations.push({ type: "kill points (guests texted)", description: points.join(", ") });
      for (const point of points) {
        // The restarted app takes over once the killed one's lease runs out, then sends on to the next point.
        await expect.poll(texted, { timeout: 120_000, intervals: [50] }).toBeGreaterThanOrEqual(point);
        app.child.kill("SIGKILL");
        await app.exited;
        const atKill = await texted();
        expect(atKill, `the kill at ${point} should land mid-send`).toBeLessThan(2000);
        app = startLauncher(env);
        await waitUntilReady(app);
      }

      await control.clearFaults();
      const status = () => lookupOn(url).campaignStatus(campaignId);
      const running = app;
      await expect(async () => expect((await status()).status, running.output()).toBe("completed")).toPass({
        timeout: 120_000,
      });
      expect(await status(), app.output()).toEqual({ status: "completed", counts: { accepted: 2000 } });
      const handsets = await control.handsets();
      expect(Object.keys(handsets)).toHaveLength(2000);
      const duplicates = Object.entries(handsets).filter(([, messages]) => messages.length !== 1);
      expect(duplicates, "guests texted more than once").toEqual([]);
    } finally {
      if (app && app.child.exitCode === null) {
        app.child.kill("SIGTERM");
        const timer = setTimeout(() => app?.child.kill("SIGKILL"), 15_000);
        await app.exited;
        clearTimeout(timer);
      }
      await sandbox.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test("smsapp.pk: a scheduled send survives a restart across its due time and fires once", async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const sandbox = startSandboxProcess(sandboxPorts);
  await sandbox.ready();
  const control = sandboxControl(sandboxPorts.smsapp);
  await control.setBalance(1_000_000);
  let app: Launcher | undefined;
  try {
    app = startLauncher(env);
    await waitUntilReady(app);
    const url = embeddedDbUrl(dataDir, PG_PORT);
    const due = new Date(Date.now() + 15_000);
    const campaignId = await seedOn(url).bulkCampaign("smsapp", 40, { scheduledAt: due });
    await enqueueDispatch(url, campaignId, due);

    // The app goes down before the due time; nothing goes out while it is down, past the due time.
    app.child.kill("SIGTERM");
    await app.exited;
    await expectUnchanged(async () => Object.keys(await control.handsets()).length, 0, {
      forMs: Math.max(0, due.getTime() - Date.now()) + 3000,
      message: "texted while the app was down",
    });

    // It comes back after the due time and sends once.
    app = startLauncher(env);
    await waitUntilReady(app);
    const status = () => lookupOn(url).campaignStatus(campaignId);
    await expect.poll(async () => (await status()).status, { timeout: 60_000 }).toBe("completed");
    expect(await status()).toEqual({ status: "completed", counts: { accepted: 40 } });
    const handsets = await control.handsets();
    expect(Object.keys(handsets)).toHaveLength(40);
    expect(Object.values(handsets).every((messages) => messages.length === 1)).toBe(true);
  } finally {
    if (app && app.child.exitCode === null) {
      app.child.kill("SIGTERM");
      const timer = setTimeout(() => app?.child.kill("SIGKILL"), 15_000);
      await app.exited;
      clearTimeout(timer);
    }
    await sandbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
