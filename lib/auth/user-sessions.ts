import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type User, userSessions, users } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { SESSION_MAX_AGE_SECONDS } from "./config";

export type SessionUser = Pick<
  User,
  "id" | "email" | "name" | "role" | "mustChangePassword" | "sessionVersion" | "locale"
>;
export type ActiveSession = { id: string; createdAt: Date; userAgent: string | null; clientAddress: string | null };

/** Opens a session row at sign-in; its id goes into the token (`sid`) so sign-out can revoke it. */
export async function startSession(
  db: Database,
  input: { userId: string; userAgent?: string | null; clientAddress?: string | null },
  now = new Date(),
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: input.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      clientAddress: input.clientAddress ?? null,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * The user behind a token, in one query: the account exists, is active and carries the token's session
 * version, and the token's session row is neither revoked nor expired. Tokens from before sessions had rows
 * (no sid) count as signed out.
 */
export async function findSessionUser(
  db: Database,
  token: { uid?: string; sid?: string; sv?: number },
): Promise<SessionUser | null> {
  if (!token.uid || !token.sid || !isUuid(token.sid) || !isUuid(token.uid)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, token.sid),
        eq(userSessions.userId, token.uid),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row || row.sessionVersion !== token.sv) return null;
  return row;
}

/** Ends one session (sign-out); a no-op for an unknown or already ended one. */
export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user ("sign out everywhere"); returns how many were still open. */
export async function revokeAllSessions(db: Database, userId: string): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** A user's sessions that still work, newest first (Settings > Account). */
export async function listActiveSessions(db: Database, userId: string): Promise<ActiveSession[]> {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      userAgent: userSessions.userAgent,
      clientAddress: userSessions.clientAddress,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, sql`now()`)))
    .orderBy(desc(userSessions.createdAt))
    .limit(50);
}

/** Deletes session rows that ended more than a day ago; returns how many. */
export async function purgeEndedSessions(db: Database): Promise<number> {
  const removed = await db
    .delete(userSessions)
    .where(sql`coalesce(${userSessions.revokedAt}, ${userSessions.expiresAt}) < now() - interval '1 day'`)
    .returning({ id: userSessions.id });
  return removed.length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string) {
  return UUID.test(value);
}
