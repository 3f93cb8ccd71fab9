import { bigint, boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Every sign-in attempt, kept briefly, so throttling works across several app instances. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    clientAddress: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_client_idx").on(t.clientAddress, t.createdAt),
  ],
);
