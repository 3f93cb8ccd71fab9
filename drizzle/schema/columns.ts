import { timestamp } from "drizzle-orm/pg-core";

/** created/updated timestamps shared by most tables (always with time zone: restaurants span zones). */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
