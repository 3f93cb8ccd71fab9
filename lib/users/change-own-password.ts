import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { minutesUntil, throttledPasswordCheck } from "@/lib/auth/throttle";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Changes the signed-in user's password after checking the current one, and bumps the session version so
 * every other session of this user ends (the caller refreshes the current session's token). The current
 * password check is throttled like sign-in (per account), so a borrowed session can't guess it.
 */
export async function changeOwnPassword(
  db: Database,
  userId: string,
  currentPassword: string,
  newPassword: string,
  clientAddress = "unknown",
) {
  const [row] = await db
    .select({ hash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new AppError("UNAUTHENTICATED", "Errors.sessionEnded");
  const checked = await throttledPasswordCheck(db, { kind: "password-change", email: row.email, clientAddress }, () =>
    verifyPassword(row.hash, currentPassword),
  );
  if (checked.limited) {
    throw new AppError("RATE_LIMITED", "Account.password.errors.throttled", {
      minutes: minutesUntil(checked.retryAfterMs),
    });
  }
  if (!checked.ok) throw new AppError("INVALID_INPUT", "Account.password.errors.wrongCurrent");
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorId: userId, action: "user.password_changed", targetType: "user", targetId: userId });
  });
}
