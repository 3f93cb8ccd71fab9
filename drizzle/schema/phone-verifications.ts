import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** The one pending code a user was texted to prove a phone is theirs (a new code replaces the old one). */
export const phoneVerifications = pgTable("phone_verifications", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** E.164 */
  phone: text().notNull(),
  /** Hashed like a password: the code is short, the row must not reveal it. */
  codeHash: text().notNull(),
  /** Wrong codes entered; the code dies after a few. */
  attempts: integer().notNull().default(0),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
