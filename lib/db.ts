import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/drizzle/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type Database = NodePgDatabase<typeof schema>;

/** Connections per process; several app instances share one Postgres, so keep each pool modest. */
const POOL_SIZE = 10;

// The launcher, the in-process worker and the Next.js server bundle each load this module separately;
// keeping the pool on globalThis makes them share one set of connections per process.
const globalForDb = globalThis as unknown as { cafePool?: Pool; cafePoolUrl?: string };

/** The process-wide connection pool for DATABASE_URL. */
export function getPool(): Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set DATABASE_URL.");
  if (globalForDb.cafePool && globalForDb.cafePoolUrl === url) return globalForDb.cafePool;
  const pool = new Pool({
    connectionString: url,
    max: POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (err) => logger.warn({ err: err.message }, "idle database connection lost"));
  globalForDb.cafePool = pool;
  globalForDb.cafePoolUrl = url;
  return pool;
}

let database: Database | undefined;
let databasePool: Pool | undefined;

/** The drizzle client over the shared pool. */
export function getDb(): Database {
  const pool = getPool();
  if (!database || databasePool !== pool) {
    database = drizzle(pool, { schema, casing: "snake_case" });
    databasePool = pool;
  }
  return database;
}

/** Closes the shared pool (shutdown and tests). */
export async function closeDb() {
  const pool = globalForDb.cafePool;
  globalForDb.cafePool = undefined;
  globalForDb.cafePoolUrl = undefined;
  database = undefined;
  await pool?.end();
}
