import { eq, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Changes the signed-in user's password after checking the current one, and bumps the session version so
 * every other session of this user ends (the caller refreshes the current session's token).
 */
export async function changeOwnPassword(db: Database, userId: string, currentPassword: string, newPassword: string) {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row || !(await verifyPassword(row.hash, currentPassword))) {
    throw new AppError("INVALID_INPUT", "Your current password is not correct.");
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorId: userId, action: "user.password_changed", targetType: "user", targetId: userId });
  });
}
