import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

export const userRole = pgEnum("user_role", ["owner", "manager", "staff"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed, so the unique index is case-insensitive in effect. */
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull().default("staff"),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Bumped on deactivation, password reset and role change; sessions carrying an older value stop working. */
    sessionVersion: integer().notNull().default(1),
    /** Set for generated or owner-reset passwords: the user must choose their own before doing anything else. */
    mustChangePassword: boolean().notNull().default(false),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** The user's own mobile (E.164), where their test sends go once they verified it with a code. */
    phone: text(),
    phoneVerifiedAt: timestamp({ withTimezone: true }),
    /** The dashboard's language for this user ("da", "en"); null = the browser's, else the restaurant's default. */
    locale: text({ enum: ["da", "en"] }),
    createdById: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_role_active_idx").on(t.role, t.active)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
