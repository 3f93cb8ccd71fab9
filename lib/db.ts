import "server-only";
import os from "node:os";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/drizzle/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { matchBackendPriority } from "./db-backend-priority";

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
  // The job process's database work runs at the job process's (lower) priority where the server is local.
  pool.on("connect", (client) => matchBackendPriority(client));
  globalForDb.cafePool = pool;
  globalForDb.cafePoolUrl = url;
  return pool;
}

/**
 * Unix niceness of the background connections' backends: work that should wait for pages (delivery reports
 * arriving by the thousand during a send) but not for the send itself, which runs at 19 (lib/runtime/job-process.ts).
 */
const BACKGROUND_NICENESS = 10;
const BACKGROUND_POOL_SIZE = 2;
const globalForBackground = globalThis as unknown as { cafeBackgroundPool?: Pool; cafeBackgroundDb?: Database };

/**
 * A small second pool whose Postgres backends run at lower priority (where the server is local, see
 * db-backend-priority.ts): for bulk writes a web process takes in (provider callbacks), so that a burst of them
 * doesn't take the cores from the pages being served. Closed with the main pool.
 */
export function getBackgroundDb(): Database {
  if (globalForBackground.cafeBackgroundDb) return globalForBackground.cafeBackgroundDb;
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set DATABASE_URL.");
  const pool = new Pool({
    connectionString: url,
    max: BACKGROUND_POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  pool.on("error", (err) => logger.warn({ err: err.message }, "idle database connection lost"));
  pool.on("connect", (client) => matchBackendPriority(client, Math.max(BACKGROUND_NICENESS, os.getPriority())));
  globalForBackground.cafeBackgroundPool = pool;
  globalForBackground.cafeBackgroundDb = drizzle(pool, { schema, casing: "snake_case" });
  return globalForBackground.cafeBackgroundDb;
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
  const background = globalForBackground.cafeBackgroundPool;
  globalForBackground.cafeBackgroundPool = undefined;
  globalForBackground.cafeBackgroundDb = undefined;
  await Promise.all([pool?.end(), background?.end()]);
}
