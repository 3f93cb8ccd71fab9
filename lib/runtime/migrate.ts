import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle/migrations");
// Arbitrary but fixed: every instance takes the same advisory lock, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 4_711_2026;

/**
 * Applies committed drizzle-kit migrations, then runs `afterMigrate` (first-run setup) under the same
 * Postgres advisory lock, so several instances starting together don't race.
 */
export async function migrateDatabase(url: string, afterMigrate?: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await afterMigrate?.();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
