import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { migrateDatabase } from "@/lib/runtime/migrate";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real Postgres for the whole run: a fresh database on DATABASE_URL's server when it is set (CI runs the
 * suite once more against Debian's Postgres 15 this way), otherwise a throwaway embedded-postgres cluster.
 */
export default async function setup(project: TestProject) {
  const external = env().DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;

  if (external) {
    const name = `cafe_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(external, `create database ${name}`);
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = () => adminQuery(external, `drop database if exists ${name} with (force)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cafe-test-"));
    fs.chmodSync(dir, 0o755); // the embedded server runs as 'postgres' when we are root and must reach it
    const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password: randomBytes(12).toString("hex") });
    url = server.url;
    teardown = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }

  await migrateDatabase(url);
  project.provide("databaseUrl", url);
  return teardown;
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
