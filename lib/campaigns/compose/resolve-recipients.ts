import "server-only";
import { inArray, or, sql } from "drizzle-orm";
import { contacts, groupMembers, groups } from "@/drizzle/schema";
import { normalizePhone } from "@/lib/contacts/phone";
import type { Problem } from "@/lib/contacts/problem";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type AudienceInput, splitPastedNumbers } from "@/lib/validation/compose";

export type Recipient = {
  phone: string;
  contactId: string | null;
  firstName: string;
  lastName: string;
  /** null for pasted numbers that are not in the guest book (transactional only). */
  optOutToken: string | null;
  /** The guest's language (contacts.language), which picks their version of a message; null when unknown. */
  language: string | null;
};

/** Why a number is left out (worded on the page: Compose.audience.skippedReason.*). */
export const SKIP_REASONS = ["invalid", "optedOut", "noConsent", "notInGuestBook", "duplicate"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Who was left out and why; an invalid number says what is wrong with it (a catalogue key with values). */
export type Skipped = { who: string; reason: SkipReason; problem?: Problem };

export type ResolvedAudience = {
  recipients: Recipient[];
  /** Counts per reason, and the first few examples of each so staff can see who and why. */
  skipped: { reason: SkipReason; count: number; examples: Skipped[] }[];
};

const EXAMPLES_PER_REASON = 20;
/** The suppression key computed in SQL, equal to lib/consent/phone-hash.ts hashPhone. */
const suppressedSql = sql<boolean>`exists (select 1 from suppressions s where s.phone_hash = encode(sha256(convert_to(${contacts.phone}, 'UTF8')), 'hex'))`;

/**
 * Who a message goes to: members of the chosen groups, individually chosen guests and pasted numbers, each
 * number once. Promotions go only to guests with current consent who have not opted out (one suppression list
 * across both providers); service messages go to every valid number. Everyone left out is reported with why.
 */
export async function resolveRecipients(
  db: Database,
  input: AudienceInput,
  defaultCountry: string,
): Promise<ResolvedAudience> {
  const marketing = input.category === "marketing";
  const skipped: Skipped[] = [];
  const byPhone = new Map<string, Recipient>();

  if (input.groupIds.length) {
    const found = await db.select({ id: groups.id }).from(groups).where(inArray(groups.id, input.groupIds));
    if (found.length !== new Set(input.groupIds).size) throw new AppError("NOT_FOUND", "Compose.errors.groupGone");
  }

  const pasted = splitPastedNumbers(input.numbers);
  const pastedPhones: string[] = [];
  for (const raw of pasted) {
    const n = normalizePhone(raw, defaultCountry);
    if (n.ok) pastedPhones.push(n.e164);
    else skipped.push({ who: raw, reason: "invalid", problem: n.problem });
  }

  const conditions = [];
  if (input.groupIds.length) {
    conditions.push(
      inArray(
        contacts.id,
        db
          .select({ id: groupMembers.contactId })
          .from(groupMembers)
          .where(inArray(groupMembers.groupId, input.groupIds)),
      ),
    );
  }
  if (input.contactIds.length) conditions.push(inArray(contacts.id, input.contactIds));
  if (pastedPhones.length) conditions.push(inArray(contacts.phone, pastedPhones));
  const rows = conditions.length
    ? await db
        .select({
          id: contacts.id,
          phone: contacts.phone,
          firstName: contacts.firstName,
          lastName: contacts.lastName,
          consentState: contacts.consentState,
          optOutToken: contacts.optOutToken,
          language: contacts.language,
          suppressed: suppressedSql,
        })
        .from(contacts)
        .where(conditions.length === 1 ? conditions[0] : or(...conditions))
        .orderBy(sql`${contacts.firstName} = ''`, contacts.firstName, contacts.lastName, contacts.phone)
    : [];

  if (input.contactIds.length) {
    const foundIds = new Set(rows.map((r) => r.id));
    if (input.contactIds.some((id) => !foundIds.has(id))) throw new AppError("NOT_FOUND", "Compose.errors.guestGone");
  }

  const known = new Set<string>();
  for (const row of rows) {
    known.add(row.phone);
    const who = [row.firstName, row.lastName].filter(Boolean).join(" ") || row.phone;
    if (marketing && (row.suppressed || row.consentState === "withdrawn")) skipped.push({ who, reason: "optedOut" });
    else if (marketing && row.consentState !== "granted") skipped.push({ who, reason: "noConsent" });
    else
      byPhone.set(row.phone, {
        phone: row.phone,
        contactId: row.id,
        firstName: row.firstName,
        lastName: row.lastName,
        optOutToken: row.optOutToken,
        language: row.language,
      });
  }

  const seenPasted = new Set<string>();
  for (const phone of pastedPhones) {
    if (seenPasted.has(phone)) {
      skipped.push({ who: phone, reason: "duplicate" });
      continue;
    }
    seenPasted.add(phone);
    if (known.has(phone)) continue;
    if (marketing) skipped.push({ who: phone, reason: "notInGuestBook" });
    else byPhone.set(phone, { phone, contactId: null, firstName: "", lastName: "", optOutToken: null, language: null });
  }

  return { recipients: [...byPhone.values()], skipped: summarise(skipped) };
}

function summarise(skipped: Skipped[]): ResolvedAudience["skipped"] {
  const byReason = new Map<SkipReason, Skipped[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  return [...byReason.entries()].map(([reason, list]) => ({
    reason,
    count: list.length,
    examples: list.slice(0, EXAMPLES_PER_REASON),
  }));
}
