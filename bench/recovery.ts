import os from "node:os";
import { campaignStatus, enqueueDispatch, sandboxControl, seedQueuedCampaign, withDb } from "@/e2e/support/instance";
import { type AppInstance, startAppInstance } from "./app-instance";
import { round } from "./measure";
import type { Bench, BenchResult } from "./types";

type Provider = "cpsms" | "smsapp";

/** App ports from here (+1 Postgres, +2/+3 sandboxes); each provider its own range, so no port is reused at once. */
const PORTS: Record<Provider, number> = { smsapp: 5600, cpsms: 5610 };
const RECIPIENTS = 10_000;
/** Added to every provider call (sends and look-ups), like a provider across the internet. */
const LATENCY_MS = 100;
/** The cut lands after this many guests were texted: somewhere in 2,000–4,000, different on every run. */
const KILL_BETWEEN: [number, number] = [2000, 4000];
/** The goal: back to sending within 30 s of the restart. */
const TARGET_S = 30;
/** After the first new message, how long the rest of the campaign may take before the bench gives up waiting. */
const FINISH_TIMEOUT_MS = 200_000;
/** See bench/load.ts: the emulators stand in for a provider's servers and take only the CPU the app leaves. */
const SANDBOX_NICENESS = 19;

/**
 * recovery.<provider>: a power cut in the middle of a 10,000-guest send. A production instance (as `npm start`
 * runs it: launcher, embedded Postgres, web processes, job process) sends through the provider's sandbox, which
 * runs as its own process, as a remote provider does, and survives the cut. Once 2,000–4,000 guests were
 * texted, the launcher and everything it started, Postgres included, are killed at the same instant; then the
 * app starts again on the same data directory and ports. The value is the seconds from the restart's spawn to
 * the first message the provider receives after it. Then the campaign finishes, and every guest must have been
 * texted exactly once.
 */
async function recoveryBench(provider: Provider): Promise<BenchResult> {
  const step = (m: string) => process.stderr.write(`recovery.${provider}: ${m}\n`);
  const port = PORTS[provider];
  step("starting a production instance");
  const first = await startAppInstance(port, {
    sandboxesInOwnProcess: true,
    sandboxNiceness: SANDBOX_NICENESS,
    // The job process's sweeps and dispatch runs, for the timeline.
    extraEnv: { LOG_LEVEL: "info" },
  });
  let app: AppInstance = first;
  try {
    const control = sandboxControl(port + (provider === "cpsms" ? 2 : 3));
    await control.setBalance(1_000_000);
    await control.fault({ delayMs: LATENCY_MS, times: "always" });
    const campaignId = await seedQueuedCampaign(first.dbUrl, provider, RECIPIENTS);
    await enqueueDispatch(first.dbUrl, campaignId);
    const sendStart = Date.now();

    const killAt = KILL_BETWEEN[0] + Math.floor(Math.random() * (KILL_BETWEEN[1] - KILL_BETWEEN[0]));
    step(`sending; the power goes after ${killAt} guests`);
    await waitFor(async () => (await control.received()).messages >= killAt, 180_000, 10, "the kill point");
    // The lease the dying dispatcher leaves behind (it renews every half second): nobody may take the campaign
    // over before it runs out.
    const leaseUntilMs = await leaseUntil(first.dbUrl, campaignId);
    // CPSMS answers its log once per 2 minutes per account, and the app's delivery poll reads it every minute:
    // the worst moment for a cut is just after such a read (the 113–117 s). Read it as that poll would.
    const logReadAt = provider === "cpsms" ? await readCpsmsLog(port + 2) : null;
    const cut = await first.kill();
    const killedAt = Date.now();
    // Calls already on their way are still carried out by the provider (their answers are lost): those rows
    // are the uncertain ones. Count once they have landed.
    await new Promise((r) => setTimeout(r, 1000));
    const atKill = await control.received();
    step(`cut at ${atKill.messages} texted (${cut.pids.length} processes killed); restarting`);

    // Watch the provider from the restart's spawn on, while the app starts.
    let firstNewSeenAt: number | null = null;
    const watching = waitFor(
      async () => {
        if ((await control.received()).messages <= atKill.messages) return false;
        firstNewSeenAt = Date.now();
        return true;
      },
      FINISH_TIMEOUT_MS,
      20,
      "the first message after the restart",
    );
    watching.catch(() => {}); // awaited below; a failed restart throws first
    const loadAtRestart = os.loadavg()[0]!;
    app = await first.restart();
    const atReady = await campaignStatus(app.dbUrl, campaignId);
    step(`ready after ${round((app.readyAt - app.spawnedAt) / 1000)} s; waiting for the first message`);
    await watching;
    step(`sending again after ${round((firstNewSeenAt! - app.spawnedAt) / 1000)} s; waiting for the rest`);

    let progress = await campaignStatus(app.dbUrl, campaignId);
    const finishDeadline = Date.now() + FINISH_TIMEOUT_MS;
    while (progress.status !== "completed" && Date.now() < finishDeadline) {
      await new Promise((r) => setTimeout(r, 500));
      progress = await campaignStatus(app.dbUrl, campaignId);
    }
    const finishedAt = await campaignFinishedAt(app.dbUrl, campaignId);

    // Exactly once: every guest's phone holds one message.
    const handsets = await control.handsets();
    const prefix = provider === "cpsms" ? "452" : "92300";
    let missing = 0;
    let duplicates = 0;
    let firstNewMs = Number.POSITIVE_INFINITY;
    for (let g = 0; g < RECIPIENTS; g++) {
      const messages = (handsets[`${prefix}${1_000_000 + g}`] ?? []) as { receivedAtMs: number }[];
      if (messages.length === 0) missing++;
      duplicates += Math.max(0, messages.length - 1);
      for (const m of messages) if (m.receivedAtMs >= app.spawnedAt) firstNewMs = Math.min(firstNewMs, m.receivedAtMs);
    }
    const unexpected = Object.keys(handsets).length - (RECIPIENTS - missing);

    const seconds = (ms: number | null) => (ms === null ? null : round((ms - app.spawnedAt) / 1000, 1));
    const jobs = await dispatchJobs(app.dbUrl, campaignId);
    return {
      bench: `recovery.${provider}`,
      value: round((firstNewMs - app.spawnedAt) / 1000, 1),
      unit: "s",
      target: TARGET_S,
      recipients: RECIPIENTS,
      latency_ms: LATENCY_MS,
      kill_point: killAt,
      texted_at_kill: atKill.messages,
      sent_before_kill_s: round((killedAt - sendStart) / 1000, 1),
      killed_processes: cut.pids.length,
      ...(logReadAt === null
        ? {}
        : {
            cpsms_log_read_before_cut_s:
              logReadAt === "app" ? "by the app's poll, under 2 min before" : round((killedAt - logReadAt) / 1000, 1),
          }),
      // Seconds after the restart's spawn: the launcher's "ready", the dead dispatcher's lease running out,
      // the first dispatch job a worker started after the restart, the first new message, the campaign done.
      restart_ready_s: seconds(app.readyAt),
      lease_free_s: seconds(leaseUntilMs),
      dispatch_started_s: seconds(
        jobs.find((j) => j.startedMs !== null && j.startedMs >= app.spawnedAt)?.startedMs ?? null,
      ),
      resumed_in_s: round((firstNewMs - app.spawnedAt) / 1000, 1),
      first_new_seen_s: seconds(firstNewSeenAt),
      finished_s: seconds(finishedAt),
      at_ready: atReady.counts,
      status: progress.status,
      counts: progress.counts,
      duplicates,
      missing,
      unexpected_numbers: unexpected,
      dispatch_jobs: jobs.map((j) => ({
        state: j.state,
        created_s: seconds(j.createdMs),
        start_after_s: seconds(j.startAfterMs),
        started_s: seconds(j.startedMs),
        output: j.output,
      })),
      timeline: timeline(app),
      // A shared 2-core machine: what else was running shows in the load average (1 min) at the restart.
      load_at_restart: round(loadAtRestart, 1),
    };
  } finally {
    await app.stop();
    if (app !== first) await first.stop(); // nothing left to do once handed over; cleans up if the restart failed
  }
}

/**
 * GET /getlog with the sandbox account's credentials: when CPSMS answered it, or "app" when it refused (406)
 * because the app's own poll read it within the last 2 minutes.
 */
async function readCpsmsLog(sandboxPort: number): Promise<number | "app"> {
  const res = await fetch(`http://127.0.0.1:${sandboxPort}/v2/getlog`, {
    headers: { authorization: `Basic ${Buffer.from("sandbox:sandbox-cpsms-api-key").toString("base64")}` },
  });
  await res.body?.cancel();
  if (res.status === 406) return "app";
  if (res.status !== 200 && res.status !== 409) throw new Error(`CPSMS's log answered ${res.status}`);
  return Date.now();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function leaseUntil(dbUrl: string, campaignId: string): Promise<number | null> {
  return withDb(dbUrl, async (db) => {
    const { rows } = await db.query<{ ms: string | null }>(
      "select (extract(epoch from lease_until) * 1000)::bigint as ms from campaigns where id = $1",
      [campaignId],
    );
    return rows[0]?.ms ? Number(rows[0].ms) : null;
  });
}

async function campaignFinishedAt(dbUrl: string, campaignId: string): Promise<number | null> {
  return withDb(dbUrl, async (db) => {
    const { rows } = await db.query<{ ms: string | null }>(
      "select (extract(epoch from finished_at) * 1000)::bigint as ms from campaigns where id = $1",
      [campaignId],
    );
    return rows[0]?.ms ? Number(rows[0].ms) : null;
  });
}

/** Every dispatch job of the campaign in pg-boss (the killed one stays "active" until it expires). */
async function dispatchJobs(dbUrl: string, campaignId: string) {
  return withDb(dbUrl, async (db) => {
    const { rows } = await db.query<{
      state: string;
      created: string;
      start_after: string;
      started: string | null;
      output: unknown;
    }>(
      `select state, (extract(epoch from created_on) * 1000)::bigint as created,
         (extract(epoch from start_after) * 1000)::bigint as start_after,
         (extract(epoch from started_on) * 1000)::bigint as started, output
       from pgboss.job where name = 'campaign_dispatch' and data->>'campaignId' = $1 order by created_on`,
      [campaignId],
    );
    return rows.map((r) => ({
      state: r.state,
      createdMs: Number(r.created),
      startAfterMs: Number(r.start_after),
      startedMs: r.started === null ? null : Number(r.started),
      output: r.output,
    }));
  });
}

/** The restarted launcher's milestones, in seconds after its spawn (its own lines, and the job process's logs). */
function timeline(app: AppInstance) {
  const marks: [string, RegExp][] = [
    // The launcher prints this once its database is up and migrated, before the build check and the web processes.
    ["database ready", /sandbox: sharing the one already running/],
    ["web processes starting", /Running next\.config/],
    ["job process started", /"msg":"job process started"/],
    ["ready", /is ready at/],
    ["worker's first sweep", /"msg":"local sweep"/],
    ["uncertain rows settled", /"msg":"reconciled uncertain messages"/],
    ["dispatch run ended", /"msg":"campaign dispatch run"/],
  ];
  const found: Record<string, number> = {};
  for (const { atMs, line } of app.lines()) {
    for (const [name, pattern] of marks) {
      if (found[name] === undefined && pattern.test(line)) found[name] = round(atMs / 1000, 1);
    }
  }
  return found;
}

/** One bench per provider, so `npm run bench -- recovery.smsapp` runs only that one. */
export const recoveryBenches: Bench[] = (["smsapp", "cpsms"] as const).map((provider) => ({
  names: [`recovery.${provider}`],
  async run(report) {
    report(await recoveryBench(provider));
  },
}));
