import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Cross-site request forgery guard for route handlers (server actions get the same check from Next itself).
 * SameSite=Lax keeps the session cookie off requests from other sites, but not from another port of the same
 * host, which is the same site yet another origin: so the Origin header must name this app. Browsers send
 * Origin on every cross-origin POST and on our own pages' fetch POSTs, so a missing one is refused too.
 * Our own origin is the host the request was sent to (the forwarded host behind a trusted proxy) or PUBLIC_URL.
 */
export function isSameOrigin(request: { headers: Pick<Headers, "get">; url: string }): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return false;
  }
  if (claimed.origin !== origin) return false; // a path, credentials or other decoration: not a browser's Origin
  const config = env();
  if (config.PUBLIC_URL && new URL(config.PUBLIC_URL).origin === origin) return true;
  const forwarded = config.TRUST_PROXY ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || request.headers.get("host") || new URL(request.url).host;
  // The scheme may differ behind a TLS-terminating proxy (we see http, the browser https); the host:port is what
  // tells another origin on this machine apart. Browsers omit the default port from both headers alike.
  return claimed.host === host.toLowerCase();
}

/** Throws FORBIDDEN unless the request comes from one of the app's own pages (see isSameOrigin). */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) {
    throw new AppError(
      "FORBIDDEN",
      "This request came from another site or page, so it was refused. Open Cafe de Revenue itself and try again.",
    );
  }
}
