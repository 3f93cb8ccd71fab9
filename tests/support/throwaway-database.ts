import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { migrateDatabase } from "@/lib/runtime/migrate";
import { freePort } from "./free-port";

/**
 * A real, migrated Postgres to throw away afterwards: a fresh database on DATABASE_URL's server when it is set
 * (CI runs the suite once more against Debian's Postgres 15 this way), otherwise an embedded-postgres cluster
 * in a temporary directory. Used by the test setup and the benches.
 */
export async function createThrowawayDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const external = env().DATABASE_URL;
  let url: string;
  let drop: () => Promise<void>;
  if (external) {
    const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(external, `create database ${name}`);
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => adminQuery(external, `drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    fs.chmodSync(dir, 0o755); // the embedded server runs as 'postgres' when we are root and must reach it
    const server = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      password: randomBytes(12).toString("hex"),
    });
    url = server.url;
    drop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateDatabase(url);
  return { url, drop };
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
