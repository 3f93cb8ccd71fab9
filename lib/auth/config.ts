import type { NextAuthConfig } from "next-auth";
import { authRedirect } from "./callback-url";

/**
 * Pages anyone may open without signing in: a guest's opt-out link (/o/<token>), short link (/l/<code>), offer page
 * (/c/<code><signature>), the sign-up page (/join), its
 * confirmation link (/j/<token>) and the restaurant's logo that page shows (/brand/logo). The REST API (/api/v1)
 * authenticates each call by its API key itself and answers 401 in JSON, never a redirect to the sign-in page.
 */
export const PUBLIC_PATHS = [
  "/sign-in",
  "/api/auth",
  "/api/health",
  "/api/webhooks",
  "/api/v1",
  "/api/join",
  "/o",
  "/l",
  "/c",
  "/join",
  "/j",
  "/brand",
];

/** A session lasts one long shift; it is re-validated against the database on every request anyway. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The cookie Auth.js keeps the session JWT in (the `__Secure-` form is used over HTTPS). */
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function isPublicPath(pathname: string) {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * The database-free part of the Auth.js configuration (proxy.ts imports it). The real checks (session row open,
 * user still active, role, session version) happen in `lib/auth/session.ts`.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    // Every callbackUrl Auth.js takes (query, form field, cookie) passes here: same origin only.
    redirect: authRedirect,
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.user.sessionVersion = token.sv;
      if (typeof token.sid === "string") session.user.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
