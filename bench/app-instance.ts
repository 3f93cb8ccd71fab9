import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../scripts/server-node-args";
import { assertPostgresDown, portOpen, powerCut } from "./power-cut";

/**
 * A production instance of the app for end-to-end benches, started exactly as `npm start` starts it (the
 * launcher: embedded Postgres in a fresh temporary DATA_DIR, migrations, first owner, provider sandboxes,
 * production build if stale, web processes and job worker as WEB_CONCURRENCY decides). Ports from `basePort` (≥ 5400): app,
 * Postgres, CPSMS sandbox, smsapp.pk sandbox.
 */
export type AppInstance = {
  baseURL: string;
  dataDir: string;
  dbUrl: string;
  owner: { email: string; password: string };
  /** How many web server processes the launcher started (WEB_CONCURRENCY, default one per core). */
  webProcesses: number;
  /** The session cookie header of a fresh sign-in (each call is a new session). */
  signIn: (email?: string, password?: string) => Promise<string>;
  /** When the launcher was spawned and when it said it was ready (Date.now() values). */
  spawnedAt: number;
  readyAt: number;
  /** The launcher's output so far, each line with when it arrived (ms after spawnedAt). */
  lines: () => { atMs: number; line: string }[];
  /**
   * Power cut: SIGKILLs the launcher and everything it started (web and job processes, the embedded Postgres
   * with its backends, a separate worker) at one instant, and resolves once all of them are gone and the
   * database's port is closed. The provider sandboxes keep running, as a remote provider would.
   */
  kill: () => Promise<{ pids: number[] }>;
  /**
   * Starts the app again after `kill()`, as `npm start` would after a power cut: same DATA_DIR, ports and
   * sandboxes. The new instance owns them from then on (stop it, not this one).
   */
  restart: () => Promise<AppInstance>;
  stop: () => Promise<void>;
};

const ROOT = path.resolve(__dirname, "..");

export async function startAppInstance(
  basePort: number,
  /** nodeArgs: for the app process, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] to profile it. */
  options: {
    extraEnv?: Record<string, string>;
    sandboxesInOwnProcess?: boolean;
    /** Unix niceness for the sandboxes' process: a provider's work is not done on our cores (see bench/load.ts). */
    sandboxNiceness?: number;
    separateWorker?: boolean;
    nodeArgs?: string[];
  } = {},
  /** restart(): the killed instance's data directory and sandbox process, taken over as they are. */
  reuse?: { dataDir: string; sandbox?: ChildProcess },
): Promise<AppInstance> {
  const extraEnv = options.extraEnv ?? {};
  const dataDir = reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "cafe-bench-"));
  fs.chmodSync(dataDir, 0o755); // as root, Postgres runs as 'postgres' and must reach it (mkdtemp makes it 0700)
  const owner = { email: "owner@bench.test", password: "bench owner password" };
  const [port, pgPort, cpsmsPort, smsappPort] = [basePort, basePort + 1, basePort + 2, basePort + 3];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: "", // always this instance's embedded Postgres, never the bench runner's
    EMBEDDED_PG_PORT: String(pgPort),
    CPSMS_SANDBOX_PORT: String(cpsmsPort),
    SMSAPP_SANDBOX_PORT: String(smsappPort),
    CPSMS_BASE_URL: `http://127.0.0.1:${cpsmsPort}/v2`,
    SMSAPP_BASE_URL: `http://127.0.0.1:${smsappPort}/api/v3`,
    CPSMS_USERNAME: "",
    CPSMS_API_KEY: "",
    SMSAPP_API_TOKEN: "",
    SANDBOX_DELIVERY_DELAY_MS: "200",
    ADMIN_EMAIL: owner.email,
    ADMIN_PASSWORD: owner.password,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(options.separateWorker ? { RUN_WORKER: "false" } : {}),
    ...extraEnv,
  };
  // The provider emulators as their own process (`npm run sandbox`), as a real provider is not on our event
  // loop; the launcher finds them on their ports and shares them instead of starting its own.
  let sandbox: ChildProcess | undefined = reuse?.sandbox;
  if (options.sandboxesInOwnProcess && !sandbox) {
    sandbox = await startHelper("scripts/sandbox.ts", env, "Handsets and controls", 30_000, "sandbox");
    if (options.sandboxNiceness) os.setPriority(sandbox.pid!, options.sandboxNiceness);
  }
  let output = "";
  const lines: { atMs: number; line: string }[] = [];
  const spawnedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...SERVER_NODE_ARGS, "scripts/start.ts"],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let partial = "";
  const collect = (d: Buffer) => {
    output += d;
    const atMs = Date.now() - spawnedAt;
    const parts = (partial + String(d)).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) if (line.trim()) lines.push({ atMs, line });
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));

  const deadline = Date.now() + 600_000; // includes a production build when the sources changed
  while (!output.includes("is ready at")) {
    if (child.exitCode !== null || child.signalCode !== null) {
      sandbox?.kill("SIGKILL");
      throw new Error(`app instance exited early:\n${output.slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app instance not ready in time:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyAt = Date.now();
  // `npm run worker` as its own process, sharing the instance's embedded database through DATA_DIR.
  let worker: ChildProcess | undefined;
  if (options.separateWorker) {
    try {
      worker = await startHelper(
        "scripts/worker.ts",
        { ...env, RUN_WORKER: "true" },
        "worker is running",
        60_000,
        "worker",
      );
    } catch (err) {
      child.kill("SIGKILL");
      sandbox?.kill("SIGKILL");
      throw err;
    }
  }
  const baseURL = `http://localhost:${port}`; // Auth.js builds its redirects for "localhost"
  const { postgresPassword } = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  const dbUrl = `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${pgPort}/cafe`;

  // After restart() the new instance owns the sandbox and the data directory.
  let handedOver = false;
  return {
    baseURL,
    dataDir,
    dbUrl,
    owner,
    webProcesses: Number(/(\d+) web processes/.exec(output)?.[1] ?? 1),
    signIn: (email = owner.email, password = owner.password) => signInOverHttp(baseURL, email, password),
    spawnedAt,
    readyAt,
    lines: () => lines,
    kill: async () => {
      const cut = await powerCut(child.pid!, worker?.pid ? [worker.pid] : []);
      await exited;
      await assertPostgresDown(path.join(dataDir, "postgres"), pgPort);
      if (await portOpen(port)) throw new Error(`something still listens on the app's port ${port}`);
      return cut;
    },
    restart: async () => {
      if (child.exitCode === null && child.signalCode === null) throw new Error("restart() comes after kill()");
      const next = await startAppInstance(basePort, options, { dataDir, sandbox });
      handedOver = true;
      return next;
    },
    stop: async () => {
      if (handedOver) return;
      if (worker && worker.exitCode === null) {
        const gone = new Promise((r) => worker!.once("exit", r));
        worker.kill("SIGTERM");
        const timer = setTimeout(() => worker!.kill("SIGKILL"), 20_000);
        await gone;
        clearTimeout(timer);
      }
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (sandbox && sandbox.exitCode === null) {
        const gone = new Promise((r) => sandbox!.once("exit", r));
        sandbox.kill("SIGTERM");
        await gone;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts one of our scripts and waits until it prints `readyText`; kills it and throws with its output if not. */
async function startHelper(
  script: string,
  env: NodeJS.ProcessEnv,
  readyText: string,
  timeoutMs: number,
  name: string,
): Promise<ChildProcess> {
  let output = "";
  const helper = spawn(process.execPath, [...SERVER_NODE_ARGS, script], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  helper.stdout!.on("data", (d: Buffer) => (output += d));
  helper.stderr!.on("data", (d: Buffer) => (output += d));
  for (
    const deadline = Date.now() + timeoutMs;
    !output.includes(readyText) && helper.exitCode === null && Date.now() < deadline;
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!output.includes(readyText)) {
    helper.kill("SIGKILL");
    throw new Error(`${name} process did not start:\n${output}`);
  }
  return helper;
}

/** Auth.js's plain credentials POST (CSRF token first), as a script would: returns the Cookie header to send. */
export async function signInOverHttp(baseURL: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }),
  });
  await res.body?.cancel();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token"));
  if (session.length === 0)
    throw new Error(`sign-in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location")})`);
  return session.join("; ");
}
