import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The restaurant's own settings: one row (id = 1). The default country reads phone numbers typed without a
 * country code; the time zone is where schedules and quiet hours are entered and shown.
 */
export const restaurantSettings = pgTable("restaurant_settings", {
  id: integer().primaryKey().default(1),
  name: text().notNull().default("My restaurant"),
  /** ISO 3166-1 alpha-2, e.g. "DK" or "PK". */
  defaultCountry: text().notNull().default("DK"),
  /** IANA zone, e.g. "Europe/Copenhagen". */
  timeZone: text().notNull().default("Europe/Copenhagen"),
  /**
   * The language ("da", "en") for staff whose own setting and browser name none we have, and for guests
   * whose contact has no language and whose browser names none either.
   */
  defaultLocale: text({ enum: ["da", "en"] })
    .notNull()
    .default("en"),
  /** Promotions go out only between these local times ("HH:MM"); transactional messages are not held. */
  quietHoursEnd: text().notNull().default("09:00"),
  quietHoursStart: text().notNull().default("20:00"),
  /**
   * The frequency cap on promotions (every marketing message: campaigns, repeating sends, the welcome text,
   * automations): at most `frequencyCapMessages` per guest in any `frequencyCapDays` calendar days, checked
   * when each message is sent. On by default (see README, "Frequency cap").
   */
  frequencyCapEnabled: boolean().notNull().default(true),
  frequencyCapMessages: integer().notNull().default(1),
  frequencyCapDays: integer().notNull().default(3),
  /** "Automatic" provider choice: number prefix → provider (longest prefix wins), else the fallback. */
  routes: jsonb()
    .$type<{ prefix: string; provider: "cpsms" | "smsapp" }[]>()
    .notNull()
    .default([
      { prefix: "+45", provider: "cpsms" },
      { prefix: "+92", provider: "smsapp" },
    ]),
  fallbackProvider: text({ enum: ["cpsms", "smsapp"] })
    .notNull()
    .default("cpsms"),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type RestaurantSettings = typeof restaurantSettings.$inferSelect;
