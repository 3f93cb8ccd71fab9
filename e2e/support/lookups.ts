import { and, asc, count, eq, inArray, like, lt, ne, sql } from "drizzle-orm";
import {
  apiKeys,
  auditLog,
  automationOccurrences,
  campaignMessages,
  campaigns,
  consentEvents,
  contacts,
  linkClicks,
  messageEvents,
  offerCodes,
  providerSettings,
  signInAttempts,
  signupSources,
  signups,
  suppressions,
  trackedLinks,
  users,
  visits,
} from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import { type DbTarget, e2eDbUrl, withDb } from "./db";

// What the tests read back from a database to check an outcome, as named helpers (seed.ts writes). `lookup`
// reads the shared e2e server's database; `lookupOn(url)` an instance a spec starts itself.

/** SHA-256 of the number, as the suppression list keys it. */
const phoneHash = (phone: string) => sql`encode(sha256(convert_to(${phone}::text, 'UTF8')), 'hex')`;

/** The lookups bound to one database. */
export function lookupOn(target: DbTarget) {
  const on = <T>(fn: Parameters<typeof withDb<T>>[1]) => withDb(target, fn);
  const one = async <T>(rows: Promise<T[]>) => (await rows)[0];
  return {
    // Users and sign-in.
    user: (email: string) => on((db) => one(db.select().from(users).where(eq(users.email, email)))),
    userById: (id: string) => on((db) => one(db.select().from(users).where(eq(users.id, id)))),
    ownerCount: () =>
      on(async (db) => (await db.select({ n: count() }).from(users).where(eq(users.role, "owner")))[0]!.n),
    /** A short link's row and the clicks recorded for it, oldest first. */
    trackedLink: (code: string) =>
      on(async (db) => ({
        link: await one(db.select().from(trackedLinks).where(eq(trackedLinks.code, code))),
        clicks: await db.select().from(linkClicks).where(eq(linkClicks.code, code)).orderBy(asc(linkClicks.id)),
      })),
    /** The client addresses sign-in attempts for this email were recorded against. */
    signInAttemptAddresses: (email: string) =>
      on((db) =>
        db
          .select({ clientAddress: signInAttempts.clientAddress })
          .from(signInAttempts)
          .where(eq(signInAttempts.email, email)),
      ),

    /** The automations' occurrences of these guests (one per guest and occasion), oldest first. */
    automationOccurrences: (contactIds: string[]) =>
      on((db) =>
        db
          .select()
          .from(automationOccurrences)
          .where(inArray(automationOccurrences.contactId, contactIds))
          .orderBy(asc(automationOccurrences.id)),
      ),

    // Guests, consent and suppression.
    contactCount: (by: { id: string } | { phone: string }) =>
      on(async (db) => {
        const where = "id" in by ? eq(contacts.id, by.id) : eq(contacts.phone, by.phone);
        return (await db.select({ n: count() }).from(contacts).where(where))[0]!.n;
      }),
    consentState: (contactId: string) =>
      on(async (db) => (await one(db.select().from(contacts).where(eq(contacts.id, contactId))))?.consentState),
    /** Guests by last name (tests give theirs a unique one), by phone. */
    contactsNamed: (lastName: string) =>
      on((db) =>
        db
          .select({
            phone: contacts.phone,
            firstName: contacts.firstName,
            consentState: contacts.consentState,
            tags: contacts.tags,
          })
          .from(contacts)
          .where(eq(contacts.lastName, lastName))
          .orderBy(asc(contacts.phone)),
      ),
    /** The guest with this number (E.164), if any. */
    contactByPhone: (phone: string) => on((db) => one(db.select().from(contacts).where(eq(contacts.phone, phone)))),
    /** A number's sign-ups from the public page, oldest first. */
    /** By the number's hash: a refused or expired sign-up keeps no number. */
    signupsOf: (phone: string) =>
      on((db) =>
        db
          .select({ status: signups.status, welcomeCampaignId: signups.welcomeCampaignId })
          .from(signups)
          .where(eq(signups.phoneHash, hashPhone(phone)))
          .orderBy(asc(signups.createdAt)),
      ),
    consentLedger: (contactId: string) =>
      on((db) =>
        db
          .select({
            state: consentEvents.state,
            source: consentEvents.source,
            recordedById: consentEvents.recordedById,
          })
          .from(consentEvents)
          .where(eq(consentEvents.contactId, contactId))
          .orderBy(asc(consentEvents.id)),
      ),
    consentLedgerOfNamed: (lastName: string) =>
      on((db) =>
        db
          .select({ source: consentEvents.source, wording: consentEvents.wording })
          .from(consentEvents)
          .innerJoin(contacts, eq(contacts.id, consentEvents.contactId))
          .where(eq(contacts.lastName, lastName)),
      ),
    /** Sources on the suppression list for this number (empty: not suppressed). */
    suppressionSources: (phone: string) =>
      on(async (db) =>
        (
          await db
            .select({ source: suppressions.source })
            .from(suppressions)
            .where(eq(suppressions.phoneHash, phoneHash(phone)))
        ).map((r) => r.source),
      ),
    /** What a marketing send list is built from, among guests of this last name: consented and not suppressed. */
    marketingSendList: (lastName: string) =>
      on(async (db) => {
        const { rows } = await db.execute<{ phone: string }>(
          sql`select c.phone from contacts c where c.last_name = ${lastName} and c.consent_state = 'granted'
              and not exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(c.phone, 'UTF8')), 'hex'))`,
        );
        return rows.map((r) => r.phone);
      }),
    apiKeyNamed: (name: string) => on((db) => one(db.select().from(apiKeys).where(eq(apiKeys.name, name)))),
    visitsOf: (contactId: string) =>
      on((db) => db.select().from(visits).where(eq(visits.contactId, contactId)).orderBy(asc(visits.visitedAt))),
    auditActions: (targetId: string) =>
      on(async (db) =>
        (
          await db
            .select({ action: auditLog.action })
            .from(auditLog)
            .where(eq(auditLog.targetId, targetId))
            .orderBy(asc(auditLog.id))
        ).map((r) => r.action),
      ),

    // Settings.
    providerSettings: (provider: "cpsms" | "smsapp") =>
      on((db) => one(db.select().from(providerSettings).where(eq(providerSettings.provider, provider)))),

    // Campaigns and messages.
    campaignCount: () => on(async (db) => (await db.select({ n: count() }).from(campaigns))[0]!.n),
    /** Every campaign, oldest first. */
    campaigns: () =>
      on((db) =>
        db.select({ id: campaigns.id, provider: campaigns.provider }).from(campaigns).orderBy(asc(campaigns.createdAt)),
      ),
    /** A campaign's status and how many of its messages are in each status. */
    campaignStatus: (id: string) =>
      on(async (db) => {
        const [c] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id));
        const m = await db
          .select({ status: campaignMessages.status, n: count() })
          .from(campaignMessages)
          .where(eq(campaignMessages.campaignId, id))
          .groupBy(campaignMessages.status);
        return {
          status: c?.status as string,
          counts: Object.fromEntries(m.map((r) => [r.status, r.n])) as Record<string, number>,
        };
      }),
    /** Each recipient's message status, by phone. */
    messageStatuses: (campaignId: string) =>
      on(async (db) => {
        const rows = await db
          .select({ phone: campaignMessages.phone, status: campaignMessages.status })
          .from(campaignMessages)
          .where(eq(campaignMessages.campaignId, campaignId));
        return Object.fromEntries(rows.map((r) => [r.phone, r.status])) as Record<string, string>;
      }),
    messageId: (campaignId: string, phone: string) =>
      on(
        async (db) =>
          (
            await db
              .select({ id: campaignMessages.id })
              .from(campaignMessages)
              .where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.phone, phone)))
          )[0]!.id,
      ),
    /** A message's delivery-report events ("dlr", or "dlr-ignored" for late ones), oldest first. */
    deliveryReports: (messageId: number) =>
      on((db) =>
        db
          .select({ status: messageEvents.status, source: messageEvents.source })
          .from(messageEvents)
          .where(and(eq(messageEvents.messageId, messageId), like(messageEvents.source, "dlr%")))
          .orderBy(asc(messageEvents.id)),
      ),
    /** Messages of a campaign no longer queued (how far a send got). */
    messagesPastQueued: (campaignId: string) =>
      on(
        async (db) =>
          (
            await db
              .select({ n: count() })
              .from(campaignMessages)
              .where(and(eq(campaignMessages.campaignId, campaignId), ne(campaignMessages.status, "queued")))
          )[0]!.n,
      ),
    messagesSentBefore: (campaignId: string, time: Date) =>
      on(
        async (db) =>
          (
            await db
              .select({ n: count() })
              .from(campaignMessages)
              .where(and(eq(campaignMessages.campaignId, campaignId), lt(campaignMessages.sentAt, time)))
          )[0]!.n,
      ),
    /** Today's sent, delivered and failed counts (restaurant day in Copenhagen), as the dashboard counts them. */
    todayFigures: () =>
      on(async (db) => {
        const { rows } = await db.execute<{ sent: number; delivered: number; failed: number }>(sql`
          select count(*) filter (where status in ('accepted','buffered','delivered','undelivered','unknown'))::int as sent,
                 count(*) filter (where status = 'delivered')::int as delivered,
                 count(*) filter (where status in ('undelivered','rejected','failed'))::int as failed
          from campaign_messages
          where listed_at >= (date_trunc('day', now() at time zone 'Europe/Copenhagen') at time zone 'Europe/Copenhagen')`);
        return rows[0]!;
      }),
    /** The application names of connections running the dispatcher's claim query (only the lease holder does). */
    dispatchingApps: () =>
      on(async (db) => {
        const { rows } = await db.execute<{ name: string }>(
          sql`select distinct application_name as name from pg_stat_activity where query ilike '%campaign_messages%skip locked%'`,
        );
        return rows.map((r) => r.name);
      }),

    /** A sign-up source by its link's slug (archived ones too). */
    signupSource: (slug: string) =>
      on((db) => one(db.select().from(signupSources).where(eq(signupSources.slug, slug)))),

    /** A fingerprint per table (row count and a hash of every row), to prove that nothing changed. */
    fingerprints: (tables: string[]) =>
      on(async (db) => {
        const out: Record<string, string> = {};
        for (const table of tables) {
          const exists = await db.execute<{ t: string | null }>(sql`select to_regclass(${`public.${table}`}) as t`);
          if (!exists.rows[0]!.t) continue;
          const { rows } = await db.execute<{ n: number; h: string }>(
            sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`,
          );
          out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
        }
        return out;
      }),
    /** One offer code's row (canonical code), with who redeemed it. */
    offerCode: (code: string) => on((db) => one(db.select().from(offerCodes).where(eq(offerCodes.code, code)))),
    /**
     * Every string people typed into the app or a provider returned as data (names, texts, notes, senders):
     * the language walk removes them from a page before looking for English words in our own text.
     */
    dataStrings: () =>
      on(async (db) => {
        const rows = await db.execute<{ s: string | null }>(sql`
          select name as s from users union select email from users
          union select first_name from contacts union select last_name from contacts
          union select notes from contacts union select unnest(tags) from contacts
          union select name from groups union select description from groups
          union select name from campaigns union select body from campaigns union select sender from campaigns
          union select pause_reason from campaigns
          union select body from campaign_messages union select sender from campaign_messages
          union select error_message from campaign_messages
          union select name from message_templates union select body from message_templates
          union select name from recurring_sends union select content->>'message' from recurring_sends
          union select content->>'sender' from recurring_sends union select name from staff_phones
          union select name from restaurant_settings union select name from signup_sources
          union select title from offers`);
        return rows.rows.map((r) => r.s).filter((s): s is string => Boolean(s?.trim()));
      }),
  };
}

/** The lookups on the shared e2e server's database. */
export const lookup = lookupOn(e2eDbUrl);
