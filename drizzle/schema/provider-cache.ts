import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Provider answers that several app instances must share, e.g. CPSMS `getlog` (one call per two minutes per
 * account, so every instance must reuse the same fetch).
 */
export const providerCache = pgTable("provider_cache", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
