import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath, SESSION_COOKIE_NAMES } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { REQUEST_URL_HEADER } from "@/lib/i18n/request-url-header";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/security-headers";

/** Next's default server-action body limit (next.config.ts sets no other). */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Two jobs. 1) The per-request security headers: a nonce-based Content-Security-Policy (see
 * lib/security-headers.ts for why) and HSTS behind HTTPS. 2) An optimistic redirect of signed-out visitors
 * only: it looks for a session cookie and never decodes or rewrites it. It is not the security boundary: every
 * page, action and route handler re-checks the session and role against the database (lib/auth/session.ts).
 *
 * Not Auth.js's `auth` wrapper on purpose: that wrapper re-issues the session cookie on every request, and on
 * the sign-out server action its fresh cookie would undo the sign-out's deletion.
 */
export default function proxy(request: NextRequest) {
  const config = env();
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    https: Boolean(config.PUBLIC_URL?.startsWith("https://")),
    dev: config.NODE_ENV === "development",
  });
  const hsts = strictTransportSecurity(config.PUBLIC_URL);
  const withHeaders = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    return response;
  };

  const { pathname, search } = request.nextUrl;
  // A malformed escape in the path (a mangled link) would fail Next's own decoding of the route's params with a
  // bare 500: answer a clear 400 instead.
  if (!isDecodable(pathname)) {
    return withHeaders(new NextResponse("That address is malformed. Check the link and try again.", { status: 400 }));
  }
  // Next refuses server-action bodies over its limit with an unhandled 500; answer with a plain 413 instead.
  if (request.method === "POST" && request.headers.has("next-action")) {
    // A chunked body has no Content-Length and went past this check to the same 500. Our pages always send one
    // (an action's body is a string or FormData), so a body without it is refused before it is read.
    if (!request.headers.has("content-length")) {
      return withHeaders(
        NextResponse.json(
          { error: "The request was sent without its length. Reload the page and try again." },
          { status: 411 },
        ),
      );
    }
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > SERVER_ACTION_BODY_LIMIT) {
      return withHeaders(
        NextResponse.json(
          { error: "That is too much to send at once (over 1 MB). Shorten the text or import a file instead." },
          { status: 413 },
        ),
      );
    }
  }
  const hasSession = SESSION_COOKIE_NAMES.some(
    (name) => request.cookies.has(name) || request.cookies.has(`${name}.0`), // Auth.js chunks large cookies
  );
  if (isPublicPath(pathname) || hasSession) {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    headers.set("x-nonce", nonce); // for our own inline script (next-themes, app/layout.tsx)
    headers.set(REQUEST_URL_HEADER, `${pathname}${search}`); // the page's language may depend on it (lib/i18n)
    return withHeaders(NextResponse.next({ request: { headers } }));
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withHeaders(NextResponse.redirect(signIn));
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Not the provider callbacks: they answer JSON to machines (no page to protect), arrive by the thousand
  // during a send, and are public by design (a signed token in the URL is their credential). Not the web app
  // manifest and its icons either: browsers fetch them without cookies, so a redirect would break home-screen install.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|fonts/|api/webhooks/|manifest.webmanifest|apple-touch-icon.png|icons/).*)",
  ],
};
