import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { phoneVerifications, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { routeProvider } from "@/lib/campaigns/route-provider";
import { isSuppressed } from "@/lib/consent/suppression";
import { formatPhone, normalizePhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { localizedUserMessage } from "@/lib/providers/provider-error-message";
import { resolveProvider } from "@/lib/providers/resolve-provider";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { isProviderError } from "@/lib/sms/errors";
import { sessionFor } from "@/lib/sms/registry";
import { minutesUntil, reserveWithinLimit } from "./per-user-limit";

export const CODE_TTL_MS = 10 * 60_000;
/** Tries per code (right or wrong); the code is dead after this many wrong ones. */
export const MAX_CODE_TRIES = 5;
export const MAX_CODES_PER_HOUR = 5;
const CODE_SENT_ACTION = "account.phone_code_sent";

export type OwnPhone = { phone: string | null; verified: boolean; pending: { phone: string; expiresAt: Date } | null };

/** The user's own test phone, whether it is verified, and a code waiting to be entered (if any). */
export async function getOwnPhone(db: Database, userId: string): Promise<OwnPhone> {
  const [user] = await db
    .select({ phone: users.phone, verifiedAt: users.phoneVerifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  const [pending] = await db
    .select({ phone: phoneVerifications.phone, expiresAt: phoneVerifications.expiresAt })
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.userId, userId),
        sql`${phoneVerifications.expiresAt} > now()`,
        sql`${phoneVerifications.attempts} < ${MAX_CODE_TRIES}`,
      ),
    );
  return { phone: user?.phone ?? null, verified: Boolean(user?.phone && user.verifiedAt), pending: pending ?? null };
}

/**
 * Texts a 6-digit code to the number the user typed (through the provider routed for it, default sender) and
 * makes it their unverified test phone: a new number un-verifies the old one. A new code replaces any earlier
 * one; at most MAX_CODES_PER_HOUR per user, so this can't be used to text a stranger over and over.
 */
export async function requestPhoneCode(
  db: Database,
  actor: { id: string },
  rawPhone: string,
): Promise<{ phone: string; expiresAt: Date }> {
  const settings = await getRestaurantSettings(db);
  const normalized = normalizePhone(rawPhone, settings.defaultCountry);
  if (!normalized.ok)
    throw new AppError("INVALID_INPUT", "Providers.testSends.errors.invalidNumber", {
      reason: await localizeMessage(normalized.problem.key, normalized.problem.values),
    });
  const phone = normalized.e164;
  if (await isSuppressed(db, phone)) {
    throw new AppError("CONFLICT", "Providers.testSends.errors.codeSuppressed", { phone: formatPhone(phone) });
  }
  const provider = routeProvider(phone, settings.routes);
  const reservation = await reserveWithinLimit(db, actor.id, MAX_CODES_PER_HOUR, {
    action: CODE_SENT_ACTION,
    targetType: "user",
    targetId: actor.id,
    details: { to: phone, provider },
  });
  if (reservation.id === null) {
    throw new AppError("RATE_LIMITED", "Providers.testSends.errors.tooManyCodes", {
      max: MAX_CODES_PER_HOUR,
      minutes: minutesUntil(reservation.freeAt),
    });
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(Date.now() + CODE_TTL_MS);
  const codeHash = await hashPassword(code);
  await db.transaction(async (tx) => {
    await tx
      .insert(phoneVerifications)
      .values({ userId: actor.id, phone, codeHash, attempts: 0, expiresAt })
      .onConflictDoUpdate({
        target: phoneVerifications.userId,
        set: { phone, codeHash, attempts: 0, expiresAt, createdAt: sql`now()` },
      });
    await tx
      .update(users)
      .set({
        phone,
        phoneVerifiedAt: sql`case when ${users.phone} = ${phone} then ${users.phoneVerifiedAt} else null end`,
      })
      .where(eq(users.id, actor.id));
  });

  const resolved = await resolveProvider(db, provider);
  // In the language of the person asking (they read it on their own phone).
  const text = await localizeMessage("Providers.testSends.texts.code", { code, restaurant: settings.name });
  try {
    await sessionFor(resolved, db).send({ to: phone, text, from: resolved.defaultSender ?? undefined });
  } catch (err) {
    await db.delete(phoneVerifications).where(eq(phoneVerifications.userId, actor.id));
    if (isProviderError(err))
      throw new AppError("PROVIDER_UNAVAILABLE", "Providers.testSends.errors.codeNotSent", {
        reason: await localizedUserMessage(err),
      });
    throw err;
  }
  return { phone, expiresAt };
}

/**
 * Checks the code the user typed. Every try uses up one of MAX_CODE_TRIES (counted in the same statement that
 * checks the limit, so parallel guesses can't get more); the right code verifies the phone exactly once.
 */
export async function confirmPhoneCode(db: Database, actor: { id: string }, code: string): Promise<{ phone: string }> {
  const [attempt] = await db
    .update(phoneVerifications)
    .set({ attempts: sql`${phoneVerifications.attempts} + 1` })
    .where(
      and(
        eq(phoneVerifications.userId, actor.id),
        sql`${phoneVerifications.attempts} < ${MAX_CODE_TRIES}`,
        sql`${phoneVerifications.expiresAt} > now()`,
      ),
    )
    .returning();
  if (!attempt) {
    const [dead] = await db
      .select({ userId: phoneVerifications.userId })
      .from(phoneVerifications)
      .where(eq(phoneVerifications.userId, actor.id));
    throw new AppError(
      "INVALID_INPUT",
      dead ? "Providers.testSends.errors.codeExpired" : "Providers.testSends.errors.noCode",
    );
  }
  if (!(await verifyPassword(attempt.codeHash, code))) {
    const left = MAX_CODE_TRIES - attempt.attempts;
    await recordAudit(db, {
      actorId: actor.id,
      action: "account.phone_code_wrong",
      targetType: "user",
      targetId: actor.id,
      details: { to: attempt.phone, left },
    });
    throw new AppError(
      "INVALID_INPUT",
      left > 0 ? "Providers.testSends.errors.wrongCode" : "Providers.testSends.errors.wrongCodeLast",
      left > 0 ? { left } : undefined,
    );
  }
  return db.transaction(async (tx) => {
    const [used] = await tx
      .delete(phoneVerifications)
      .where(and(eq(phoneVerifications.userId, actor.id), eq(phoneVerifications.codeHash, attempt.codeHash)))
      .returning();
    if (!used) throw new AppError("CONFLICT", "Providers.testSends.errors.codeUsed");
    await tx.update(users).set({ phone: used.phone, phoneVerifiedAt: sql`now()` }).where(eq(users.id, actor.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.phone_verified",
      targetType: "user",
      targetId: actor.id,
      details: { phone: used.phone },
    });
    return { phone: used.phone };
  });
}

/** Forgets the user's own test phone (and any code waiting for it). */
export async function removeOwnPhone(db: Database, actor: { id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(phoneVerifications).where(eq(phoneVerifications.userId, actor.id));
    await tx.update(users).set({ phone: null, phoneVerifiedAt: null }).where(eq(users.id, actor.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.phone_removed",
      targetType: "user",
      targetId: actor.id,
    });
  });
}
