import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { users } from "./users";

/**
 * Texts the restaurant's own staff saved for reuse, shown in compose beside the built-in starter texts
 * (lib/messages/templates.ts). Any signed-in user can save one; the body is checked like a compose message.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    body: text().notNull(),
    category: text({ enum: ["marketing", "transactional"] })
      .notNull()
      .default("marketing"),
    /** "da", "en", ... (the guest's language the text is written in); null = any. */
    language: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("message_templates_name_idx").on(t.name)],
);

export type SavedTemplate = typeof messageTemplates.$inferSelect;
