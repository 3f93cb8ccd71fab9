import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { API_SCOPES } from "../../lib/api/scopes";
import { users } from "./users";

/**
 * Keys that reservation and POS systems call the REST API with (/api/v1), created by owners in Settings > API
 * keys. Only a keyed hash of the secret is stored (lib/api/key-secret.ts): the secret is shown once. `prefix` is
 * the key's first characters, shown in the list so an owner can tell which key a system uses.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    prefix: text().notNull(),
    /** HMAC-SHA256 of the whole secret (hex), keyed by a key derived from ENCRYPTION_KEY. */
    secretHash: text().notNull(),
    scopes: text({ enum: API_SCOPES }).array().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per key (lib/api/authenticate.ts), not on every call. */
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_key").on(t.secretHash), index("api_keys_created_idx").on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

/**
 * Idempotency keys of API calls (Stripe's semantics): the first answer to a key is stored with a hash of the
 * request and replayed to every retry with the same body for 24 hours; a different body under the same key is
 * refused. The claim (this row) and the work it guards commit in one transaction, so a crash leaves no claim.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    /** Method and path the key was first used on: the same key on another route is a mismatch. */
    route: text().notNull(),
    /** SHA-256 of the request body as parsed (canonical JSON). */
    requestHash: text().notNull(),
    status: integer(),
    response: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.idempotencyKey] }),
    index("api_idempotency_created_idx").on(t.createdAt),
  ],
);

/**
 * One row per authenticated API call, for the per-key rate limit shared by every instance: a sliding window
 * counted over this append-only log (no hot counter row that concurrent calls would queue on). Rows older than
 * the window are deleted as keys are used (lib/api/authenticate.ts).
 */
export const apiRequestLog = pgTable(
  "api_request_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("api_request_log_key_at_idx").on(t.apiKeyId, t.at)],
);
