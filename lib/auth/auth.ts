import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { authConfig } from "./config";
import { authorizeCredentials } from "./credentials";

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
