import fs from "node:fs";
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "@/drizzle/schema";
import { E2E } from "./config";

// Connections to a test server's database, for seeding (seed.ts) and for reading outcomes back (lookups.ts).
// Specs use those two modules; only they hold SQL.

export type TestDb = NodePgDatabase<typeof schema> & { $client: pg.Client };
/** Which database: a URL, or a function giving it once the instance is up (its password is in its data dir). */
export type DbTarget = string | (() => string);

/** The database URL of a launcher instance's embedded Postgres (from its data directory's secrets). */
export function embeddedDbUrl(dataDir: string, port: number) {
  const { postgresPassword } = JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  return `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/cafe`;
}

/** The shared e2e server's database (the one playwright.config.ts starts). */
export const e2eDbUrl = () => embeddedDbUrl(E2E.dataDir, E2E.embeddedPgPort);

/** One connection for the length of `fn`, as drizzle (typed, the app's schema) with the raw client beside it. */
export async function withDb<T>(target: DbTarget, fn: (db: TestDb) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: typeof target === "function" ? target() : target });
  await client.connect();
  try {
    return await fn(drizzle(client, { schema, casing: "snake_case" }) as TestDb);
  } finally {
    await client.end();
  }
}

/** `withDb` on the shared e2e server's database. */
export const withE2eDb = <T>(fn: (db: TestDb) => Promise<T>) => withDb(e2eDbUrl, fn);
