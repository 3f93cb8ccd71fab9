import "server-only";
import { eq } from "drizzle-orm";
import type { User as AuthUser } from "next-auth";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { signInSchema } from "@/lib/validation/users";
import { verifyPassword } from "./password";
import { AccountDeactivated, InvalidCredentials, SignInThrottled } from "./sign-in-errors";
import { throttledPasswordCheck } from "./throttle";

/**
 * The Credentials `authorize` step: reserve the attempt under the throttle, then verify the argon2id hash. Used by both the
 * sign-in form (server action) and a plain POST to /api/auth/callback/credentials.
 */
export async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request): Promise<AuthUser> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const clientAddress = clientAddressOf(request);
  const db = getDb();

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const result = await throttledPasswordCheck(db, { kind: "sign-in", email, clientAddress }, () =>
    verifyPassword(user?.passwordHash ?? null, password),
  );
  if (result.limited) {
    logger.warn({ email, clientAddress, scope: result.scope }, "sign-in throttled");
    throw new SignInThrottled(result.retryAfterMs);
  }
  if (!user || !result.ok) {
    logger.info({ email, clientAddress }, "sign-in failed");
    throw new InvalidCredentials();
  }
  if (!user.active) throw new AccountDeactivated();

  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  logger.info({ userId: user.id }, "signed in");
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The client address as set by our server (it overwrites X-Forwarded-For unless TRUST_PROXY is on). */
export function clientAddressOf(request: Request): string {
  return clientAddressFromHeaders(request.headers);
}

/** The same, from a request's headers (server actions: `await headers()`). */
export function clientAddressFromHeaders(headers: Pick<Headers, "get">): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
