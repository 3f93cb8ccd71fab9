import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { type Contact, consentEvents, contacts, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { requestHeldStops, stopMessagesTo } from "@/lib/campaigns/stop-withdrawn";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { isSuppressed, unsuppressPhone } from "@/lib/consent/suppression";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CpsmsOp, linkedGroupOps } from "@/lib/groups/cpsms-sync";
import type { CreateContactInput, UpdateContactInput } from "@/lib/validation/contacts";
import { parseMonthDay } from "@/lib/validation/contacts";
import { type ContactSelection, contactSelectionSql } from "./contact-filter";
import { forgetTagCache } from "./list-contacts";
import { formatPhone, normalizePhone } from "./phone";

type Actor = Pick<CurrentUser, "id">;

function phoneOrThrow(raw: string, defaultCountry: string): string {
  const result = normalizePhone(raw, defaultCountry);
  if (!result.ok) throw new AppError("INVALID_INPUT", result.problem.key, result.problem.values);
  return result.e164;
}

function fields(input: Omit<CreateContactInput, "phone" | "consent">) {
  const birthday = input.birthday ? parseMonthDay(input.birthday) : null;
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    birthdayMonth: birthday?.month ?? null,
    birthdayDay: birthday?.day ?? null,
    language: input.language || null,
    notes: input.notes,
    tags: input.tags,
  };
}

async function duplicateError(db: Database, e164: string) {
  const [existing] = await db
    .select({ firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(eq(contacts.phone, e164));
  const name = existing ? `${existing.firstName} ${existing.lastName}`.trim() : "";
  return name
    ? new AppError("CONFLICT", "Contacts.errors.phoneTakenBy", { phone: formatPhone(e164), name })
    : new AppError("CONFLICT", "Contacts.errors.phoneTaken", { phone: formatPhone(e164) });
}

/**
 * Adds a guest. The phone is normalised to E.164 with the restaurant's default country and must be unique;
 * consent, when given, is recorded in the ledger with its source and wording in the same transaction.
 */
export async function createContact(
  db: Database,
  actor: Actor,
  input: CreateContactInput,
  defaultCountry: string,
): Promise<Contact> {
  const phone = phoneOrThrow(input.phone, defaultCountry);
  const created = await db.transaction(async (tx) => {
    const granted = input.consent?.state === "granted";
    const [row] = await tx
      .insert(contacts)
      .values({
        phone,
        ...fields(input),
        optOutToken: newOptOutToken(),
        consentState: granted ? "granted" : "none",
        consentChangedAt: granted ? sql`now()` : null,
        createdById: actor.id,
        updatedById: actor.id,
      })
      .onConflictDoNothing({ target: contacts.phone })
      .returning();
    if (!row) return null;
    if (granted) {
      await tx.insert(consentEvents).values({
        contactId: row.id,
        state: "granted",
        source: input.consent!.source!,
        wording: input.consent!.wording!,
        recordedById: actor.id,
      });
      await unsuppressPhone(tx, phone);
    }
    return row;
  });
  if (!created) throw await duplicateError(db, phone);
  forgetTagCache();
  return created;
}

/** Edits a guest's details (not consent: that goes through the ledger). Returns CPSMS changes for a new number. */
export async function updateContact(db: Database, actor: Actor, input: UpdateContactInput, defaultCountry: string) {
  const phone = phoneOrThrow(input.phone, defaultCountry);
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(contacts).where(eq(contacts.id, input.id)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "Contacts.errors.notFound");
    const [taken] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, phone));
    if (taken && taken.id !== input.id) return { conflict: true as const };
    const phoneChanged = before.phone !== phone;
    const removeOps = phoneChanged ? await linkedGroupOps(tx, eq(contacts.id, input.id), "remove") : [];
    await tx
      .update(contacts)
      .set({ phone, ...fields(input), updatedById: actor.id })
      .where(eq(contacts.id, input.id));
    const addOps = phoneChanged ? await linkedGroupOps(tx, eq(contacts.id, input.id), "add") : [];
    return { conflict: false as const, cpsmsOps: [...removeOps, ...addOps] };
  });
  if (result.conflict) throw await duplicateError(db, phone);
  forgetTagCache();
  return { cpsmsOps: result.cpsmsOps };
}

/**
 * Deletes the selected guests (ledger and memberships go with them). Their promotions that haven't gone out are
 * stopped: without the guest, there is no record of their consent. Returns the CPSMS removals to push.
 */
export async function deleteContacts(
  db: Database,
  actor: Actor,
  selection: ContactSelection,
): Promise<{ deleted: number; cpsmsOps: CpsmsOp[] }> {
  const result = await db.transaction(async (tx) => {
    const where = contactSelectionSql(selection);
    const cpsmsOps = await linkedGroupOps(tx, where, "remove");
    const deleted = await tx.delete(contacts).where(where).returning({ id: contacts.id, phone: contacts.phone });
    const stopped = await stopMessagesTo(
      tx,
      deleted.map((d) => d.phone),
      { source: "contact_deleted" },
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contact.delete",
      targetType: "contact",
      targetId: deleted.length === 1 ? deleted[0]!.id : null,
      details: { count: deleted.length, ...("filter" in selection ? { filter: selection.filter } : {}) },
    });
    forgetTagCache();
    return { deleted: deleted.length, cpsmsOps, held: stopped.marked };
  });
  if (result.held > 0) await requestHeldStops();
  return { deleted: result.deleted, cpsmsOps: result.cpsmsOps };
}

export type ContactDetail = Contact & { createdBy: string | null; updatedBy: string | null; suppressed: boolean };

/** One guest with who created and last changed them, and whether their number is suppressed. */
export async function getContact(db: Database, id: string): Promise<ContactDetail | null> {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
  if (!contact) return null;
  const people = [contact.createdById, contact.updatedById].filter((v): v is string => v !== null);
  const names = people.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))
    : [];
  const nameOf = (userId: string | null) => names.find((n) => n.id === userId)?.name ?? null;
  return {
    ...contact,
    createdBy: nameOf(contact.createdById),
    updatedBy: nameOf(contact.updatedById),
    suppressed: await isSuppressed(db, contact.phone),
  };
}
