import "server-only";
import { ilike, or, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import type { Database } from "@/lib/db";
import { type GuestLocale, guestLocaleOf } from "@/lib/i18n/locales";
import { getFrequencyCap, phonesAtCap } from "@/lib/marketing/frequency-cap";
import { checkProviderConnection } from "@/lib/providers/connection-check";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { mapProviders } from "@/lib/sms/providers";
import type { ProviderName } from "@/lib/sms/types";
import { parseLocalDateTime } from "@/lib/time/zoned";
import type { AudienceInput } from "@/lib/validation/compose";
import { routeProvider } from "../route-provider";
import { type ResolvedAudience, resolveRecipients } from "./resolve-recipients";

/** The editor counts segments over every rendered recipient; past this many it gets an evenly spread sample. */
const MAX_PREVIEW_RECIPIENTS = 20_000;

export type AudiencePreview = {
  total: number;
  byProvider: Record<ProviderName, number>;
  skipped: ResolvedAudience["skipped"];
  /** Merge values of the recipients (all, or a spread sample when `sampled`). */
  recipients: {
    id: string;
    firstName: string;
    lastName: string;
    phone: string;
    optOutUrl: string | null;
    provider: ProviderName;
    /** Picks the guest's version of the message (lib/messages/message-versions.ts). */
    language: string | null;
  }[];
  /** Guests per language we write messages in (exact, not sampled); guests of no such language are left out. */
  byLanguage: Partial<Record<GuestLocale, number>>;
  sampled: boolean;
  /**
   * Promotions only, when the cap is on: how many of `total` it would skip at the send time (now, or the time
   * chosen), counting the promotions sent or held so far (lib/marketing/frequency-cap.ts).
   */
  frequencyCap: { skipped: number; messages: number; days: number } | null;
  /** Live balances of the providers this audience uses (null when the provider could not say). */
  balances: Partial<Record<ProviderName, { amount: number | null; unit: string; error?: string }>>;
};

/** What the compose page shows while staff pick recipients: who gets it, through which provider, who is left out and why. */
export async function previewAudience(
  db: Database,
  input: AudienceInput,
  provider: ProviderName | "auto",
  /** The chosen send time as typed (the restaurant's zone); null or unreadable = now. */
  sendAt: string | null = null,
): Promise<AudiencePreview> {
  const settings = await getRestaurantSettings(db);
  const audience = await resolveRecipients(db, input, settings.defaultCountry);
  const capped = input.category === "marketing" ? capPreview(db, audience, sendAt, settings.timeZone) : null;
  const byProvider = mapProviders(() => 0);
  const routeOf = (phone: string) => (provider === "auto" ? routeProvider(phone, settings.routes) : provider);
  const byLanguage: AudiencePreview["byLanguage"] = {};
  for (const r of audience.recipients) {
    byProvider[routeOf(r.phone)] += 1;
    const language = guestLocaleOf(r.language);
    if (language) byLanguage[language] = (byLanguage[language] ?? 0) + 1;
  }
  const step = Math.max(1, Math.ceil(audience.recipients.length / MAX_PREVIEW_RECIPIENTS));
  const recipients = audience.recipients
    .filter((_, i) => i % step === 0)
    .map((r) => ({
      id: r.contactId ?? r.phone,
      firstName: r.firstName,
      lastName: r.lastName,
      phone: r.phone,
      optOutUrl: r.optOutToken ? optOutUrl(r.optOutToken) : null,
      provider: routeOf(r.phone),
      language: r.language,
    }));

  const balances: AudiencePreview["balances"] = {};
  await Promise.all(
    (Object.keys(byProvider) as ProviderName[])
      .filter((p) => byProvider[p] > 0)
      .map(async (p) => {
        const check = await checkProviderConnection(db, p);
        balances[p] = check.ok
          ? { amount: check.balance.unlimited ? null : check.balance.amount, unit: check.balance.unit }
          : { amount: null, unit: "", error: check.message };
      }),
  );
  return {
    total: audience.recipients.length,
    byProvider,
    byLanguage,
    skipped: audience.skipped,
    recipients,
    sampled: step > 1,
    frequencyCap: await capped,
    balances,
  };
}

/** How many of the audience the cap in force would skip at `sendAt` (a future time as typed) or now. */
async function capPreview(
  db: Database,
  audience: ResolvedAudience,
  sendAt: string | null,
  timeZone: string,
): Promise<AudiencePreview["frequencyCap"]> {
  const cap = await getFrequencyCap(db);
  if (!cap) return null;
  const parsed = sendAt ? parseLocalDateTime(sendAt, timeZone) : null;
  const at = parsed?.ok && parsed.date.getTime() > Date.now() ? parsed.date : new Date();
  const skipped = await phonesAtCap(
    db,
    cap,
    audience.recipients.map((r) => r.phone),
    at,
  );
  return { skipped: skipped.size, messages: cap.messages, days: cap.days };
}

export type GroupOption = { id: string; name: string; memberCount: number };

/** Groups with their member counts, for the recipients picker. */
export async function listGroupOptions(db: Database): Promise<GroupOption[]> {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      memberCount: sql<number>`(select count(*)::int from ${groupMembers} gm where gm.group_id = ${groups.id})`,
    })
    .from(groups)
    .orderBy(sql`lower(${groups.name})`);
}

export type ContactOption = { id: string; name: string; phone: string; consentState: string };

/** Guests matching a name or number, for adding individual recipients. */
export async function searchContactOptions(db: Database, query: string): Promise<ContactOption[]> {
  const q = query.trim().replace(/[%_\\]/g, "");
  if (q.length < 2) return [];
  const digits = q.replace(/[^\d]/g, "");
  const rows = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      phone: contacts.phone,
      consentState: contacts.consentState,
    })
    .from(contacts)
    .where(
      or(
        ilike(contacts.firstName, `${q}%`),
        ilike(contacts.lastName, `${q}%`),
        ilike(sql`${contacts.firstName} || ' ' || ${contacts.lastName}`, `${q}%`),
        digits.length >= 3 ? ilike(contacts.phone, `%${digits}%`) : undefined,
      ),
    )
    .orderBy(contacts.firstName, contacts.lastName)
    .limit(10);
  return rows.map((r) => ({
    id: r.id,
    name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.phone,
    phone: r.phone,
    consentState: r.consentState,
  }));
}
