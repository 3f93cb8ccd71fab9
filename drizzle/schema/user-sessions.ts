import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser. The session JWT carries this row's id; a session is valid only while its row
 * exists and is not revoked, so signing out ends that copy of the token for good (a JWT alone can't be
 * recalled), and "sign out everywhere" revokes them all.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Shown on the account page so a user can recognise their devices. */
    userAgent: text(),
    clientAddress: text(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);

export type UserSession = typeof userSessions.$inferSelect;
