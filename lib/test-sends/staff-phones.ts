import "server-only";
import { asc, eq } from "drizzle-orm";
import { type StaffPhone, staffPhones } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { formatPhone, normalizePhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";

/** The restaurant's test phones, by name. */
export async function listStaffPhones(db: Database): Promise<StaffPhone[]> {
  return db.select().from(staffPhones).orderBy(asc(staffPhones.name), asc(staffPhones.phone));
}

/** Adds a named test phone (managers and owners); each number once. */
export async function addStaffPhone(
  db: Database,
  actor: { id: string },
  input: { name: string; phone: string },
): Promise<StaffPhone> {
  const { defaultCountry } = await getRestaurantSettings(db);
  const normalized = normalizePhone(input.phone, defaultCountry);
  if (!normalized.ok)
    throw new AppError("INVALID_INPUT", "Providers.testSends.errors.invalidNumber", {
      reason: await localizeMessage(normalized.problem.key, normalized.problem.values),
    });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffPhones)
      .values({ name: input.name, phone: normalized.e164, createdById: actor.id })
      .onConflictDoNothing({ target: staffPhones.phone })
      .returning();
    if (!row) {
      const [existing] = await tx
        .select({ name: staffPhones.name })
        .from(staffPhones)
        .where(eq(staffPhones.phone, normalized.e164));
      throw existing
        ? new AppError("CONFLICT", "Providers.testSends.errors.alreadyListedAs", {
            phone: formatPhone(normalized.e164),
            name: existing.name,
          })
        : new AppError("CONFLICT", "Providers.testSends.errors.alreadyListed", { phone: formatPhone(normalized.e164) });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff_phone.added",
      targetType: "staff_phone",
      targetId: row.id,
      details: { name: row.name, phone: row.phone },
    });
    return row;
  });
}

/** Removes a test phone; tests can no longer go to it. */
export async function removeStaffPhone(db: Database, actor: { id: string }, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(staffPhones).where(eq(staffPhones.id, id)).returning();
    if (!row) throw new AppError("NOT_FOUND", "Providers.testSends.errors.alreadyRemoved");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff_phone.removed",
      targetType: "staff_phone",
      targetId: row.id,
      details: { name: row.name, phone: row.phone },
    });
  });
}
