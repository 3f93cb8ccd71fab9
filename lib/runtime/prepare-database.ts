import "server-only";
import { closeDb } from "@/lib/db";
import { dataDir, env, setRuntimeEnv } from "@/lib/env";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { registerWorkers } from "@/lib/jobs/worker";
import { ensureWritableDataDir } from "./data-dir";
import { assertDatabaseReachable } from "./database-check";
import { embeddedDatabaseUrl, startEmbeddedPostgres } from "./embedded-postgres";
import { acquireInstanceLock } from "./instance-lock";
import { migrateDatabase } from "./migrate";
import type { Abort, OnShutdown } from "./run-main";
import { loadOrCreateSecrets } from "./secrets";
import { StartupError } from "./startup-error";

/**
 * Everything between "environment is valid" and "database is ready": data directory, secrets, the database
 * (external, or the built-in one which only the app starts), migrations and first-run setup. Returns a way
 * to start the job worker on the same database.
 */
export async function prepareDatabase(
  onShutdown: OnShutdown,
  options: {
    role: "app" | "worker";
    afterMigrate?: () => Promise<void>;
    /** The launcher's way out when the built-in database keeps stopping (keep-postgres-running.ts). */
    abort?: Abort;
  },
) {
  const config = env();
  const dir = dataDir();
  await ensureWritableDataDir(dir);
  const secrets = await loadOrCreateSecrets(dir);
  if (!config.AUTH_SECRET) setRuntimeEnv({ AUTH_SECRET: secrets.authSecret });
  if (!config.ENCRYPTION_KEY) setRuntimeEnv({ ENCRYPTION_KEY: secrets.encryptionKey });

  let url = config.DATABASE_URL;
  if (url) {
    await assertDatabaseReachable(url);
  } else if (options.role === "app") {
    const release = acquireInstanceLock(dir);
    onShutdown(async () => release(), "instance lock");
    const embedded = await startEmbeddedPostgres({
      dataDir: dir,
      port: config.EMBEDDED_PG_PORT,
      password: secrets.postgresPassword,
      onGiveUp: options.abort,
    });
    onShutdown(embedded.stop, "built-in database");
    url = embedded.url;
  } else {
    url =
      embeddedDatabaseUrl({ dataDir: dir, port: config.EMBEDDED_PG_PORT, password: secrets.postgresPassword }) ??
      undefined;
    if (!url) {
      throw new StartupError(
        "DATABASE_URL is not set and the built-in database is not running.",
        "Start the app first with `npm start` (the worker then shares its database), or set DATABASE_URL.",
      );
    }
    await assertDatabaseReachable(url);
  }
  setRuntimeEnv({ DATABASE_URL: url });
  onShutdown(closeDb, "database connections");

  await migrateDatabase(url, options.afterMigrate);

  return {
    async startWorker() {
      onShutdown(() => stopBoss(10_000), "job worker");
      await registerWorkers(await startBoss({ worker: true }));
    },
  };
}
