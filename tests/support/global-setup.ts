import pg from "pg";
import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real Postgres for the whole run (see createThrowawayDatabase), shared by every test file. Quiet hours start
 * off, so that no test depends on the hour the suite runs at; the tests about quiet hours set them themselves.
 * The frequency cap starts off too (many tests text the same numbers again and again); its own tests set it.
 */
export default async function setup(project: TestProject) {
  const { url, drop } = await createThrowawayDatabase("cafe_test");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into restaurant_settings (id, quiet_hours_start, quiet_hours_end, frequency_cap_enabled)
      values (1, '00:00', '00:00', false)
      on conflict (id) do update set quiet_hours_start = '00:00', quiet_hours_end = '00:00', frequency_cap_enabled = false`);
  } finally {
    await client.end();
  }
  project.provide("databaseUrl", url);
  return drop;
}
