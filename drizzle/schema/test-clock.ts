import { bigint, integer, pgTable, timestamp } from "drizzle-orm/pg-core";

/**
 * The test clock (one row, id = 1): how far the app's clock is moved from the real one, shared by the web and
 * worker processes. Read only when TEST_CLOCK is set, which lib/env.ts refuses next to an https PUBLIC_URL.
 */
export const testClock = pgTable("test_clock", {
  id: integer().primaryKey().default(1),
  offsetMs: bigint({ mode: "number" }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
