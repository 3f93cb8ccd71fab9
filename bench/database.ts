import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb } from "@/lib/db";
import { env, setRuntimeEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { migrateDatabase } from "@/lib/runtime/migrate";
import { freePort } from "@/tests/support/free-port";

/**
 * A throwaway real Postgres for the benches: a fresh database on DATABASE_URL's server when set, otherwise an
 * embedded cluster in a temporary directory. The app's db module is pointed at it.
 */
export async function startBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const external = env().DATABASE_URL;
  let url: string;
  let stop: () => Promise<void>;
  if (external) {
    const name = `cafe_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(external, `create database ${name}`);
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    stop = () => adminQuery(external, `drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cafe-bench-"));
    fs.chmodSync(dir, 0o755); // the embedded server runs as 'postgres' when we are root
    const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password: randomBytes(12).toString("hex") });
    url = server.url;
    stop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(url);
  setRuntimeEnv({ DATABASE_URL: url, ENCRYPTION_KEY: "bench-encryption-key-0123456789abcdef", LOG_LEVEL: "silent" });
  return {
    url,
    stop: async () => {
      await closeDb();
      await stop();
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
