import "server-only";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { type User, type UserRole, users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { hasRole } from "./roles";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "mustChangePassword" | "sessionVersion">;

/**
 * The signed-in user, re-read from the database once per request. A valid JWT is not enough: the account must
 * still exist, be active, and carry the session version the token was issued with (bumped on deactivation and
 * password resets), so a deactivated user's session stops working on its next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [row] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || !row.active || row.sessionVersion !== session.user.sessionVersion) return null;
  const { active: _active, ...user } = row;
  return user;
});

type RequireOptions = { role?: UserRole; allowPendingPasswordChange?: boolean };

/**
 * For pages and layouts: the current user, or a redirect to sign-in; a 403 page when the role is too low; the
 * password page while an owner-issued temporary password is still in use.
 */
export async function requireUser(options: RequireOptions = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?reason=session-ended");
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect("/settings/account?required=1");
  if (options.role && !hasRole(user.role, options.role)) forbidden();
  return user;
}

/**
 * For server actions and route handlers: like `requireUser` but throws `AppError`, which actions turn into a
 * clear result and route handlers into 401/403 responses.
 */
export async function authorize(options: RequireOptions = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (user.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new AppError("FORBIDDEN", "Choose a new password first (Settings > Account).");
  }
  if (options.role && !hasRole(user.role, options.role)) {
    throw new AppError("FORBIDDEN", "Your role doesn't allow this. Ask a manager or the owner.");
  }
  return user;
}
