import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { users } from "./users";

/**
 * Where guests sign up from: a table tent, a receipt, a poster. Each has its own link (`/join/<slug>`) and QR
 * code, so scans, sign-ups and confirmations can be counted per source. Archived sources keep their counts and
 * their link keeps working (a card may still stand on a table), but they leave the Settings list.
 */
export const signupSources = pgTable(
  "signup_sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The link's last segment: lower-case letters, digits and dashes. Never changes (it is printed). */
    slug: text().notNull(),
    name: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("signup_sources_slug_key").on(t.slug), index("signup_sources_created_idx").on(t.createdAt)],
);

export type SignupSource = typeof signupSources.$inferSelect;
