import { customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Postgres bytea as a Buffer (drizzle 0.45 has no built-in bytea column). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The restaurant's logo, shown on the guest sign-up page and the printed table cards: one row (id = 1), kept
 * apart from restaurant_settings so reading the settings never drags the image along. PNG, JPEG or WebP only
 * (an SVG can carry script), checked by its bytes, not its name.
 */
export const restaurantLogo = pgTable("restaurant_logo", {
  id: integer().primaryKey().default(1),
  image: bytea().notNull(),
  mimeType: text({ enum: ["image/png", "image/jpeg", "image/webp"] }).notNull(),
  /** sha256 of the image, hex: its ETag and the cache-busting `?v=` of its URL. */
  sha256: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
