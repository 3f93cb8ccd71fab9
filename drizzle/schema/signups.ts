import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { contacts } from "./contacts";
import { signupSources } from "./signup-sources";

export const SIGNUP_STATUSES = ["received", "pending", "confirmed", "expired", "capped", "limited"] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/**
 * A guest's sign-up on the public page, before and after they confirm it from the text we send (double
 * opt-in). Nothing reaches the guest book until confirmation: the contact, its name and birthday and the grant
 * in the consent ledger are written then. An unconfirmed sign-up expires; its personal data (number, name,
 * birthday) is then erased and only the counts remain (status, source, times, the number's hash for limits).
 * "received": taken in by the page (the guest has been answered); the job worker then checks the limits once
 * more, one sign-up at a time, and queues the confirmation text ("pending"), or refuses it: "capped" (the hourly
 * cap on confirmation texts was reached) or "limited" (over a per-address or per-number limit that parallel
 * posts slipped past the page's own check). Refused sign-ups keep no personal data.
 */
export const signups = pgTable(
  "signups",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid().references(() => signupSources.id, { onDelete: "set null" }),
    /** E.164; null once an unconfirmed sign-up has expired. */
    phone: text(),
    /** sha256 of the E.164 number (lib/consent/phone-hash.ts): the per-number limit, after the number is gone. */
    phoneHash: text().notNull(),
    /** The number's country calling code ("+45"): the per-country cap on confirmation texts. */
    callingCode: text().notNull(),
    firstName: text(),
    birthdayMonth: integer(),
    birthdayDay: integer(),
    language: text({ enum: ["da", "en", "ur"] }).notNull(),
    /** The consent wording exactly as shown above the button: the proof recorded in the ledger on confirmation. */
    wording: text().notNull(),
    /** sha256 of the confirmation link's token (the token itself is only in the text). */
    tokenHash: text(),
    status: text({ enum: SIGNUP_STATUSES }).notNull().default("pending"),
    /** A keyed hash of the client's address: the per-address limit, without storing the address. */
    clientKey: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    confirmationCampaignId: uuid().references(() => campaigns.id, { onDelete: "set null" }),
    welcomeCampaignId: uuid().references(() => campaigns.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("signups_token_key").on(t.tokenHash),
    index("signups_phone_idx").on(t.phoneHash, t.createdAt),
    index("signups_client_idx").on(t.clientKey, t.createdAt),
    index("signups_source_idx").on(t.sourceId, t.createdAt),
    index("signups_created_idx").on(t.createdAt),
    index("signups_pending_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    // The job worker's queue of sign-ups to text, oldest first.
    index("signups_received_idx").on(t.createdAt).where(sql`${t.status} = 'received'`),
    // One welcome per guest, ever: a guest who leaves and rejoins is not welcomed twice.
    uniqueIndex("signups_welcome_contact_key").on(t.contactId).where(sql`${t.welcomeCampaignId} is not null`),
  ],
);

export type Signup = typeof signups.$inferSelect;

/** Page views of /join per source and day (the "scans" of a QR code); sourceId null is the plain /join. */
export const signupScans = pgTable(
  "signup_scans",
  {
    sourceKey: text().notNull(),
    day: date({ mode: "string" }).notNull(),
    scans: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sourceKey, t.day] })],
);

/**
 * Confirmation texts sent per hour, overall ("all") and per calling code ("+45"), and the sign-ups refused a
 * text because a cap was reached: one row per hour and scope, counted with an atomic upsert so several
 * instances share the cap (SMS pumping costs real money).
 */
export const signupTextBudget = pgTable(
  "signup_text_budget",
  {
    hour: timestamp({ withTimezone: true }).notNull(),
    scope: text().notNull(),
    sent: integer().notNull().default(0),
    refused: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hour, t.scope] })],
);
