import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Provider credentials and defaults entered by the owner on Settings > Providers. Secrets are stored only as
 * AES-256-GCM ciphertext (lib/crypto/secret-box.ts); environment variables win over anything stored here.
 */
export const providerSettings = pgTable("provider_settings", {
  provider: text({ enum: ["cpsms", "smsapp"] }).primaryKey(),
  /** CPSMS username (not secret); unused for smsapp.pk. */
  username: text(),
  /** CPSMS API key or smsapp.pk API token, encrypted. */
  secretCiphertext: text(),
  /** The last four characters of the secret, so the page can show which key is saved without decrypting it. */
  secretHint: text(),
  defaultSender: text(),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ProviderSettingsRow = typeof providerSettings.$inferSelect;
