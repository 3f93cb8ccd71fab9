import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath, SESSION_COOKIE_NAMES } from "@/lib/auth/config";

/**
 * Optimistic redirect of signed-out visitors only: it looks for a session cookie and never decodes or rewrites
 * it. It is not the security boundary: every page, action and route handler re-checks the session and role
 * against the database (lib/auth/session.ts).
 *
 * Not Auth.js's `auth` wrapper on purpose: that wrapper re-issues the session cookie on every request, and on
 * the sign-out server action its fresh cookie would undo the sign-out's deletion.
 */
/** Next's default server-action body limit (next.config.ts sets no other). */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next refuses server-action bodies over its limit with an unhandled 500; answer with a plain 413 instead.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > SERVER_ACTION_BODY_LIMIT) {
      return NextResponse.json({ error: "That is too much to send at once (over 1 MB). Shorten the text or import a file instead." }, { status: 413 });
    }
  }
  if (isPublicPath(pathname)) return NextResponse.next();
  const hasSession = SESSION_COOKIE_NAMES.some(
    (name) => request.cookies.has(name) || request.cookies.has(`${name}.0`), // Auth.js chunks large cookies
  );
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|fonts/).*)"],
};
