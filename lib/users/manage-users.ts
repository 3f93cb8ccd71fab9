import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { type UserRole, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/validation/users";

type Actor = { id: string };
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Creates a staff account; without a chosen password a temporary one is generated and returned once. */
export async function createUser(db: Database, actor: Actor, input: CreateUserInput) {
  const temporaryPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        mustChangePassword: Boolean(temporaryPassword),
        createdById: actor.id,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!created) throw new AppError("CONFLICT", "Settings.users.errors.emailTaken", { email: input.email });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      targetType: "user",
      targetId: created.id,
      details: { email: input.email, role: input.role },
    });
    return { id: created.id, temporaryPassword };
  });
}

/** Changes another user's role, keeping at least one active owner. */
export async function changeUserRole(db: Database, actor: Actor, userId: string, role: UserRole) {
  if (userId === actor.id) throw new AppError("FORBIDDEN", "Settings.users.errors.ownRole");
  await db.transaction(async (tx) => {
    const target = await lockUser(tx, userId);
    if (target.role === role) return;
    if (target.role === "owner" && target.active) await assertAnotherActiveOwner(tx, userId);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      details: { from: target.role, to: role },
    });
  });
}

/** Deactivates (ending their sessions at once) or reactivates another user. */
export async function setUserActive(db: Database, actor: Actor, userId: string, active: boolean) {
  if (userId === actor.id) throw new AppError("FORBIDDEN", "Settings.users.errors.ownDeactivate");
  await db.transaction(async (tx) => {
    const target = await lockUser(tx, userId);
    if (target.active === active) return;
    if (!active && target.role === "owner") await assertAnotherActiveOwner(tx, userId);
    await tx
      .update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: userId,
    });
  });
}

/**
 * Replaces another user's password with a generated temporary one (returned once), signs them out everywhere
 * and makes them choose their own at the next sign-in.
 */
export async function resetUserPassword(db: Database, actor: Actor, userId: string) {
  if (userId === actor.id) throw new AppError("FORBIDDEN", "Settings.users.errors.ownPassword");
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await lockUser(tx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", targetType: "user", targetId: userId });
  });
  return { temporaryPassword };
}

async function lockUser(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "Settings.users.errors.notFound");
  return row;
}

async function assertAnotherActiveOwner(tx: Tx, exceptUserId: string) {
  // Lock the owner rows so two owners can't demote each other at the same moment and leave none.
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.active, true), ne(users.id, exceptUserId)))
    .for("update");
  if (owners.length === 0) {
    throw new AppError("CONFLICT", "Settings.users.errors.lastOwner");
  }
}

/** Number of users (the launcher creates the first owner when this is zero). */
export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
