import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/config";
import {
  campaignStatus,
  embeddedDbUrl,
  enqueueDispatch,
  sandboxControl,
  seedQueuedCampaign,
  startSandboxProcess,
} from "./support/instance";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";

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
      const campaignId = await seedQueuedCampaign(url, provider, 2000);
      await enqueueDispatch(url, campaignId);

      const points = killPoints();
      test.info().annotations.push({ type: "kill points (guests texted)", description: points.join(", ") });
      for (const point of points) {
        let received = 0;
        for (let i = 0; i < 1200 && received < point; i++) {
          await new Promise((r) => setTimeout(r, 50));
          received = Object.keys(await control.handsets()).length;
        }
        app.child.kill("SIGKILL");
        await app.exited;
        const atKill = Object.keys(await control.handsets()).length;
        expect(atKill, `the kill at ${point} should land mid-send`).toBeLessThan(2000);
        app = startLauncher(env);
        await waitUntilReady(app);
      }

      await control.clearFaults();
      let state = await campaignStatus(url, campaignId);
      for (let i = 0; i < 240 && state.status !== "completed"; i++) {
        await new Promise((r) => setTimeout(r, 500));
        state = await campaignStatus(url, campaignId);
      }
      expect(state, app.output()).toEqual({ status: "completed", counts: { accepted: 2000 } });
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
    const campaignId = await seedQueuedCampaign(url, "smsapp", 40, { scheduledAt: due });
    await enqueueDispatch(url, campaignId, due);

    // The app goes down before the due time and comes back after it.
    app.child.kill("SIGTERM");
    await app.exited;
    await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now()) + 3000));
    expect(Object.keys(await control.handsets())).toHaveLength(0);

    app = startLauncher(env);
    await waitUntilReady(app);
    let state = await campaignStatus(url, campaignId);
    for (let i = 0; i < 120 && state.status !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      state = await campaignStatus(url, campaignId);
    }
    expect(state).toEqual({ status: "completed", counts: { accepted: 40 } });
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
