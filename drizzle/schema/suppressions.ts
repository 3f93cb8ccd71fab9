import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One suppression list across both providers: numbers that must never receive marketing again. Keyed by a
 * hash of the E.164 number (lib/consent/phone-hash.ts) so it outlives a GDPR erasure without keeping the number.
 */
export const suppressions = pgTable("suppressions", {
  phoneHash: text().primaryKey(),
  /** opt_out_link, staff, import, gdpr_erasure ... */
  source: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Suppression = typeof suppressions.$inferSelect;
