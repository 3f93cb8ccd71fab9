import { bigint, boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every password check (signing in, or the current password on "change my password"), kept briefly, so
 * throttling works across several app instances. A row is written *before* the password is checked (as a
 * failure, flipped to a success afterwards), so parallel attempts are counted while they are still running.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    /** sign-in | password-change: each check has its own limits. */
    kind: text({ enum: ["sign-in", "password-change"] })
      .notNull()
      .default("sign-in"),
    clientAddress: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_client_idx").on(t.clientAddress, t.createdAt),
  ],
);
