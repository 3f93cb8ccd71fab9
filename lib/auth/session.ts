import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { hasRole } from "./roles";
import { findSessionUser, type SessionUser } from "./user-sessions";

export type CurrentUser = SessionUser;

/**
 * The signed-in user, re-read from the database once per request. A valid JWT is not enough: its session row
 * must be open (sign-out and "sign out everywhere" revoke it), and the account must still exist, be active, and
 * carry the session version the token was issued with (bumped on deactivation and password changes and resets),
 * so an ended session stops working on its next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user) return null;
  return findSessionUser(getDb(), { uid: session.user.id, sid: session.user.sid, sv: session.user.sessionVersion });
});

/** The id of this request's session row (to mark "This device" on the account page). */
export const currentSessionId = cache(async (): Promise<string | null> => (await auth())?.user?.sid ?? null);

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
  if (!user) throw new AppError("UNAUTHENTICATED", "Errors.sessionEnded");
  if (user.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new AppError("FORBIDDEN", "Errors.passwordChangeFirst");
  }
  if (options.role && !hasRole(user.role, options.role)) {
    throw new AppError("FORBIDDEN", "Errors.roleForbidden");
  }
  return user;
}
