import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { authConfig } from "./config";
import { authorizeCredentials, clientAddressFromHeaders } from "./credentials";
import { revokeSession, startSession } from "./user-sessions";

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      // A sign-in opens a session row; the token carries its id so sign-out (here or elsewhere) can end it.
      if (params.user?.id)
        token.sid = await startSession(getDb(), { userId: params.user.id, ...(await requestDetails()) });
      // After the user changes their own password we bump the session version; re-read it from the database
      // (never from the client) so this session survives while every other one ends.
      if (params.trigger === "update" && typeof token.uid === "string") {
        const [row] = await getDb()
          .select({ sv: users.sessionVersion })
          .from(users)
          .where(eq(users.id, token.uid))
          .limit(1);
        if (row) token.sv = row.sv;
      }
      return token;
    },
  },
  events: {
    // Both our sign-out action and a POST to /api/auth/signout come here: copies of the cookie stop working.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(getDb(), sid);
    },
  },
  logger: {
    // Auth.js logs a full stack for every wrong password; one structured line is enough.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: { name: error.name, message: error.message } }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
});

/** Device and address for the session list; none outside a request. */
async function requestDetails(): Promise<{ userAgent?: string | null; clientAddress?: string }> {
  try {
    const h = await headers();
    return { userAgent: h.get("user-agent"), clientAddress: clientAddressFromHeaders(h) };
  } catch {
    return {};
  }
}
