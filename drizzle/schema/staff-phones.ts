import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Phones that managers keep for test sends (the restaurant's own handsets, a colleague's mobile). Besides the
 * signed-in user's own verified phone, these are the only numbers a test message may go to.
 */
export const staffPhones = pgTable(
  "staff_phones",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** E.164 */
    phone: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_phones_phone_key").on(t.phone)],
);

export type StaffPhone = typeof staffPhones.$inferSelect;
