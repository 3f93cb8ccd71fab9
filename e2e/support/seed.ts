import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import {
  type Automation,
  type AutomationKind,
  auditLog,
  automations,
  type CampaignOrigin,
  type CampaignStatus,
  type ConsentState,
  campaignMessages,
  campaigns,
  consentEvents,
  contacts,
  groupMembers,
  groups,
  linkClicks,
  type MessageStatus,
  messageTemplates,
  offerCodes,
  offers,
  restaurantSettings,
  signInAttempts,
  signupSettings,
  signupSources,
  signups,
  testClock,
  trackedLinks,
  type UserRole,
  users,
  visits,
} from "@/drizzle/schema";
import { hashPassword } from "@/lib/auth/password";
import { E2E } from "./config";
import { type DbTarget, e2eDbUrl, withDb } from "./db";
import { signupSeeds } from "./seed-signups";

// Everything the tests write straight into a database, as named helpers: for tests about something else than
// the pages that would create these records. `seed` writes to the shared e2e server; `seedOn(url)` to an
// instance a spec starts itself.

type Provider = "cpsms" | "smsapp";
export type SeededUser = { id: string; email: string; password: string; name: string };
export type SeedGuest = {
  phone: string;
  firstName?: string;
  lastName?: string;
  consent?: ConsentState;
  /** The language the guest reads ("da", "en", "ur"); none by default. */
  language?: string;
};
export type SeededGuest = { id: string; phone: string; token: string };
export type LedgerGuest = SeedGuest & { tags?: string[] };
export type SeedMessage = { phone: string; contactId?: string; status?: MessageStatus; reference?: string };
export type SeedCampaign = {
  name: string;
  provider: Provider;
  body: string;
  status: CampaignStatus;
  sender?: string;
  scheduledAt?: Date;
  scheduledVia?: "provider" | "queue";
  /** Who wrote it: staff by default, or the sign-up page (a confirmation or welcome text). */
  origin?: CampaignOrigin;
  messages: SeedMessage[];
};

/** The seed helpers bound to one database. */
export function seedOn(target: DbTarget) {
  const on = <T>(fn: Parameters<typeof withDb<T>>[1]) => withDb(target, fn);
  return {
    /** A user with a known password (random email and name), for tests that are not about creating users. */
    async user(role: UserRole, options: { mustChangePassword?: boolean } = {}): Promise<SeededUser> {
      const email = `${role}-${randomBytes(4).toString("hex")}@cafe.test`;
      const password = `pw-${randomBytes(6).toString("hex")}`;
      const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${randomBytes(2).toString("hex")}`;
      const passwordHash = await hashPassword(password);
      const mustChangePassword = options.mustChangePassword ?? false;
      const [row] = await on((db) =>
        db.insert(users).values({ email, name, role, passwordHash, mustChangePassword }).returning({ id: users.id }),
      );
      return { id: row!.id, email, password, name };
    },

    /** Deactivates an account behind the app's back (its open sessions must stop at their next request). */
    deactivate: (userId: string) => on((db) => db.update(users).set({ active: false }).where(eq(users.id, userId))),

    /**
     * Gives a user a verified phone for test sends (the code flow itself is tested in test-sends.spec) and moves
     * their earlier test sends out of the hourly limit's window: the owner sends tests in several specs.
     */
    verifiedPhone: (email: string, e164: string) =>
      on(async (db) => {
        const [user] = await db
          .update(users)
          .set({ phone: e164, phoneVerifiedAt: sql`now()` })
          .where(eq(users.email, email))
          .returning({ id: users.id });
        await db
          .update(auditLog)
          .set({ createdAt: sql`${auditLog.createdAt} - interval '1 hour'` })
          .where(and(eq(auditLog.action, "provider.test_sms"), eq(auditLog.actorId, user!.id)));
      }),

    /**
     * Guests (upserted by phone; consent "granted" unless said, as a state only) in a group of that name
     * (upserted too): for tests about sending rather than about the guest book.
     */
    group: (groupName: string, guests: SeedGuest[]) =>
      on(async (db) => {
        const { rows } = await db.execute<{ id: string }>(
          sql`insert into groups (name) values (${groupName})
              on conflict (lower(name)) do update set name = excluded.name returning id`,
        );
        const groupId = rows[0]!.id;
        const seeded: SeededGuest[] = [];
        for (const g of guests) {
          const values = {
            firstName: g.firstName ?? "",
            lastName: g.lastName ?? "",
            consentState: g.consent ?? "granted",
            language: g.language ?? null,
          };
          const [row] = await db
            .insert(contacts)
            .values({ phone: g.phone, ...values, optOutToken: randomBytes(5).toString("hex") })
            .onConflictDoUpdate({ target: contacts.phone, set: values })
            .returning({ id: contacts.id, phone: contacts.phone, token: contacts.optOutToken });
          await db.insert(groupMembers).values({ groupId, contactId: row!.id }).onConflictDoNothing();
          seeded.push(row!);
        }
        return { groupId, guests: seeded };
      }),

    /** New guests as the guest book holds them: a granted consent comes with its ledger entry (in person). */
    guests: (rows: LedgerGuest[]) =>
      on(async (db) => {
        const out: SeededGuest[] = [];
        for (const r of rows) {
          const [row] = await db
            .insert(contacts)
            .values({
              phone: r.phone,
              firstName: r.firstName ?? "Guest",
              lastName: r.lastName ?? "",
              tags: r.tags ?? [],
              consentState: r.consent ?? "none",
              optOutToken: randomBytes(8).toString("hex").slice(0, 12),
            })
            .returning({ id: contacts.id, phone: contacts.phone, token: contacts.optOutToken });
          if (r.consent === "granted")
            await db
              .insert(consentEvents)
              .values({ contactId: row!.id, state: "granted", source: "in_person", wording: "Yes to SMS offers" });
          out.push(row!);
        }
        return out;
      }),

    /** A member added straight in the database, so the group drifts from its CPSMS copy. */
    memberBehindTheAppsBack: (groupName: string, contactId: string) =>
      on(async (db) => {
        const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.name, groupName));
        await db.insert(groupMembers).values({ groupId: group!.id, contactId });
      }),

    /** A campaign with these recipients, written as compose writes one (approved unless it is a draft). */
    campaign: (c: SeedCampaign) =>
      on(async (db) => {
        const [row] = await db
          .insert(campaigns)
          .values({
            name: c.name,
            provider: c.provider,
            sender: c.sender ?? null,
            body: c.body,
            status: c.status,
            recipientCount: c.messages.length,
            scheduledAt: c.scheduledAt ?? null,
            scheduledVia: c.scheduledVia ?? null,
            origin: c.origin ?? "compose",
            category: c.origin === "signup_confirmation" ? "transactional" : "marketing",
            approvedAt: c.status === "draft" ? null : sql`now()`,
          })
          .returning({ id: campaigns.id });
        const messageIds: number[] = [];
        for (const m of c.messages) {
          const [message] = await db
            .insert(campaignMessages)
            .values({ campaignId: row!.id, body: c.body, segments: 1, encoding: "GSM-7", ...m })
            .returning({ id: campaignMessages.id });
          messageIds.push(message!.id);
        }
        return { id: row!.id, messageIds };
      }),

    /**
     * What the links and offers features record for a campaign's recipients: a tracked link per phone with its
     * clicks (bots marked), and an offer code per phone, redeemed (with a bill) when asked. For the report tests.
     */
    campaignResults: (
      campaignId: string,
      r: {
        clicks?: { phone: string; bot?: boolean; at?: Date }[];
        codes?: { phone: string; redeemed?: boolean | Date; billMinor?: number; currency?: string }[];
      },
    ) =>
      on(async (db) => {
        const token = () => randomBytes(5).toString("hex");
        const codeOf = new Map<string, string>();
        for (const k of r.clicks ?? []) {
          let code = codeOf.get(k.phone);
          if (!code) {
            code = token();
            codeOf.set(k.phone, code);
            const expiresAt = new Date(Date.now() + 30 * 86400_000);
            await db
              .insert(trackedLinks)
              .values({ code, campaignId, phone: k.phone, url: "https://example.com/menu", expiresAt });
          }
          await db
            .insert(linkClicks)
            .values({ code, at: k.at ?? new Date(), bot: k.bot ?? false, botReason: k.bot ? "user_agent" : null });
        }
        if (!r.codes?.length) return;
        const [offer] = await db
          .insert(offers)
          .values({ title: "2 for 1 pizza", validUntil: new Date(Date.now() + 7 * 86400_000) })
          .returning({ id: offers.id });
        for (const c of r.codes)
          await db.insert(offerCodes).values({
            code: token().toUpperCase(),
            offerId: offer!.id,
            campaignId,
            phone: c.phone,
            validFrom: new Date(Date.now() - 86400_000),
            validUntil: new Date(Date.now() + 7 * 86400_000),
            redeemedAt: c.redeemed instanceof Date ? c.redeemed : c.redeemed ? new Date() : null,
            billMinor: c.billMinor ?? null,
            currency: c.billMinor === undefined ? null : (c.currency ?? "DKK"),
          });
      }),

    /**
     * n recipients (+452… or +92300… numbers from numberOffset on) of one promo, queued to send now or scheduled
     * (CPSMS holds it, smsapp.pk is queued for its time): the crash, security and two-instance tests' send.
     */
    bulkCampaign: (
      provider: Provider,
      n: number,
      options: { scheduledAt?: Date; body?: string; name?: string; numberOffset?: number } = {},
    ) =>
      on(async (db) => {
        const { scheduledAt, body = "Crash test promo", numberOffset = 0 } = options;
        const [row] = await db
          .insert(campaigns)
          .values({
            name: options.name ?? `E2E ${provider} ${n}`,
            provider,
            body,
            status: scheduledAt ? "scheduled" : "queued",
            recipientCount: n,
            scheduledAt: scheduledAt ?? null,
            scheduledVia: scheduledAt ? (provider === "cpsms" ? "provider" : "queue") : null,
            approvedAt: sql`now()`,
          })
          .returning({ id: campaigns.id });
        const prefix = provider === "cpsms" ? "+452" : "+92300";
        await db.execute(
          sql`insert into campaign_messages (campaign_id, phone, body, segments, encoding)
              select ${row!.id}, ${prefix} || lpad((1000000 + ${numberOffset}::int + g)::text, 7, '0'), ${body}, 1, 'GSM-7'
              from generate_series(0, ${n}::int - 1) g`,
        );
        return row!.id;
      }),

    /** Quiet hours ("00:00"–"00:00" turns them off, so a test runs at any hour of the day). */
    /** The restaurant's default language (Settings > Restaurant). */
    defaultLanguage: (defaultLocale: "da" | "en") =>
      on((db) =>
        db
          .insert(restaurantSettings)
          .values({ id: 1, defaultLocale })
          .onConflictDoUpdate({ target: restaurantSettings.id, set: { defaultLocale } }),
      ),

    quietHours: (start: string, end: string) =>
      on((db) =>
        db
          .insert(restaurantSettings)
          .values({ id: 1, quietHoursStart: start, quietHoursEnd: end })
          .onConflictDoUpdate({ target: restaurantSettings.id, set: { quietHoursStart: start, quietHoursEnd: end } }),
      ),

    /**
     * The frequency cap (Settings > Restaurant): off for every spec but its own (they text the same sandbox
     * numbers again and again), the way quiet hours are.
     */
    frequencyCap: (enabled: boolean, messages = 1, days = 3) =>
      on((db) => {
        const values = { frequencyCapEnabled: enabled, frequencyCapMessages: messages, frequencyCapDays: days };
        return db
          .insert(restaurantSettings)
          .values({ id: 1, ...values })
          .onConflictDoUpdate({ target: restaurantSettings.id, set: values });
      }),

    /** Runs `fn` with the restaurant's time zone set to `zone`, then puts the settings back as they were. */
    async withTimeZone(zone: string, fn: () => Promise<void>) {
      const [before] = await on((db) =>
        db.select({ zone: restaurantSettings.timeZone }).from(restaurantSettings).where(eq(restaurantSettings.id, 1)),
      );
      await on((db) =>
        db
          .insert(restaurantSettings)
          .values({ id: 1, timeZone: zone })
          .onConflictDoUpdate({ target: restaurantSettings.id, set: { timeZone: zone } }),
      );
      try {
        await fn();
      } finally {
        await on((db) =>
          before
            ? db.update(restaurantSettings).set({ timeZone: before.zone }).where(eq(restaurantSettings.id, 1))
            : db.delete(restaurantSettings).where(eq(restaurantSettings.id, 1)),
        );
      }
    },

    /** Automatic routing by prefix, as Settings > Restaurant saves it. */
    routes: (routes: { prefix: string; provider: Provider }[]) =>
      on((db) => db.update(restaurantSettings).set({ routes })),

    /** Failed sign-ins from one client address (20 pause it for the throttle's window). */
    failedSignIns: (clientAddress: string, count: number) =>
      on((db) =>
        db.insert(signInAttempts).values(
          Array.from({ length: count }, (_, i) => ({
            email: `x${i + 1}@elsewhere.test`,
            clientAddress,
            succeeded: false,
          })),
        ),
      ),

    /** Settings > Sign-up, as the page saves them (the rest keep their values). */
    signupSettings: (values: Partial<typeof signupSettings.$inferInsert>) =>
      on((db) =>
        db
          .insert(signupSettings)
          .values({ id: 1, ...values })
          .onConflictDoUpdate({ target: signupSettings.id, set: values }),
      ),

    /** An automation's settings (the rest keep their values); Automations > <kind> as saved. */
    automation: (kind: AutomationKind, values: Partial<Omit<Automation, "kind">>) =>
      on((db) => db.update(automations).set(values).where(eq(automations.kind, kind))),

    /** Guests for the automations: birthday, language and consent (granted with its ledger entry, at `consentAt`). */
    automationGuests: (rows: (SeedGuest & { birthdayMonth?: number; birthdayDay?: number; consentAt?: Date })[]) =>
      on(async (db) => {
        const out: SeededGuest[] = [];
        for (const r of rows) {
          const [row] = await db
            .insert(contacts)
            .values({
              phone: r.phone,
              firstName: r.firstName ?? "Guest",
              language: r.language ?? null,
              birthdayMonth: r.birthdayMonth ?? null,
              birthdayDay: r.birthdayDay ?? null,
              consentState: r.consent ?? "granted",
              consentChangedAt: r.consentAt ?? new Date("2020-01-01T00:00:00Z"),
              optOutToken: randomBytes(8).toString("hex").slice(0, 12),
            })
            .returning({ id: contacts.id, phone: contacts.phone, token: contacts.optOutToken });
          out.push(row!);
        }
        return out;
      }),

    /** Visits of a guest, as the API or an import records them. */
    visits: (contactId: string, times: Date[]) =>
      on((db) =>
        db
          .insert(visits)
          .values(times.map((visitedAt) => ({ contactId, visitedAt, source: "staff" as const })))
          .returning({ id: visits.id }),
      ),

    /** Moves the app's clock (the server runs with TEST_CLOCK): the offset from the real time, in ms. */
    testClock: (offsetMs: number) =>
      on((db) =>
        db
          .insert(testClock)
          .values({ id: 1, offsetMs })
          .onConflictDoUpdate({ target: testClock.id, set: { offsetMs, updatedAt: new Date() } }),
      ),

    /** A sign-up source (a table tent's link, /join/<slug>). */
    joinSource: (slug: string, name: string) =>
      on(async (db) => {
        const [row] = await db.insert(signupSources).values({ slug, name }).onConflictDoNothing().returning();
        return row ?? (await db.select().from(signupSources).where(eq(signupSources.slug, slug)))[0]!;
      }),

    /** A pending sign-up whose confirmation link carries `token` (as if its text had been sent). */
    pendingSignup: (phone: string, token: string) =>
      on((db) =>
        db
          .insert(signups)
          .values({
            phone,
            phoneHash: createHash("sha256").update(phone, "utf8").digest("hex"),
            callingCode: "+45",
            firstName: "Axe",
            language: "en",
            wording: "Yes, send me offers by SMS.",
            tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
            clientKey: "seed",
            expiresAt: sql`now() + interval '2 days'`,
          })
          .onConflictDoNothing(),
      ),

    /** Moves a number's unconfirmed sign-ups past their expiry (as if 48 hours had gone by). */
    expireSignupsOf: (phone: string) =>
      on((db) =>
        db
          .update(signups)
          .set({ expiresAt: sql`now() - interval '1 minute'` })
          .where(and(eq(signups.phone, phone), eq(signups.status, "pending"))),
      ),

    /** Settings > Sign-up back to its defaults (a test that saved its own, afterwards). */
    defaultSignupSettings: () => on((db) => db.delete(signupSettings).where(eq(signupSettings.id, 1))),

    /**
     * An offer and one guest's code for it (canonical form), valid from an hour ago until `validForMs` from now:
     * the Redeem page's tests start from a code as a sent promotion would have stored it.
     */
    offerCode: (values: { code: string; title: string; phone: string; firstName: string; validForMs?: number }) =>
      on(async (db) => {
        const [contact] = await db
          .insert(contacts)
          .values({ phone: values.phone, firstName: values.firstName, optOutToken: randomBytes(5).toString("hex") })
          .onConflictDoUpdate({ target: contacts.phone, set: { firstName: values.firstName } })
          .returning({ id: contacts.id });
        const validUntil = new Date(Date.now() + (values.validForMs ?? 24 * 3600_000));
        const [offer] = await db
          .insert(offers)
          .values({ title: values.title, validUntil })
          .returning({ id: offers.id });
        await db.insert(offerCodes).values({
          code: values.code,
          offerId: offer!.id,
          contactId: contact!.id,
          phone: values.phone,
          validFrom: new Date(Date.now() - 3600_000),
          validUntil,
        });
      }),

    /**
     * A guest read their text a minute ago, not just now: moves the message's sent and delivered times back, so
     * opening its link is a person's click, not a previewer's fetch on receipt (lib/links/click-verdict.ts).
     */
    textReadLater: (campaignId: string, phone: string) =>
      on((db) =>
        db
          .update(campaignMessages)
          .set({
            sentAt: sql`${campaignMessages.sentAt} - interval '1 minute'`,
            deliveredAt: sql`${campaignMessages.deliveredAt} - interval '1 minute'`,
          })
          .where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.phone, phone))),
      ),

    /** Removes a message template by name (a test's own, afterwards). */
    deleteTemplate: (name: string) => on((db) => db.delete(messageTemplates).where(eq(messageTemplates.name, name))),

    ...signupSeeds(on),
  };
}

/** The seed helpers on the shared e2e server's database. */
export const seed = seedOn(e2eDbUrl);

/** The guest's opt-out link as the server prints it (PUBLIC_URL is unset in e2e, so the server's own address). */
export const optOutLink = (token: string) => `${E2E.baseURL}/o/${token}`;
