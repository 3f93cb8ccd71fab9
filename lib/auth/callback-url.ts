// A stand-in origin to resolve paths against: what matters is only whether the result stays on it.
const PLACEHOLDER_ORIGIN = "https://app.invalid";
const MAX_CALLBACK_URL_LENGTH = 2048;
// Browsers drop tabs and newlines inside URLs ("/\t/evil.test" becomes "//evil.test"), treat "\" as "/", and
// Node refuses control characters in a Location header (a 500). Any of them means the value was not ours.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this guard refuses
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]|\s/u;

/**
 * The path, query and fragment of `value` when it stays on this site (resolved by the WHATWG URL parser against
 * `origin`), as printable ASCII; otherwise null. Absolute URLs count only when their origin is `origin`.
 */
export function sameOriginPath(value: unknown, origin = PLACEHOLDER_ORIGIN): string | null {
  if (typeof value !== "string" || value.length > MAX_CALLBACK_URL_LENGTH || FORBIDDEN.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//host" or "/\host" in a relative Location header would leave the site again.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}

/** Only same-site relative paths may be used after sign-in (no open redirects to other hosts), else "/". */
export function safeCallbackUrl(value: unknown): string {
  const path = typeof value === "string" && value.startsWith("/") ? sameOriginPath(value) : null;
  if (!path || path.startsWith("/sign-in") || path.startsWith("/api/")) return "/";
  return path;
}

/** Auth.js's `redirect` callback: a same-origin target (relative or absolute) or the dashboard, never elsewhere. */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl).origin;
  const path = sameOriginPath(url, base);
  return `${base}${path ?? "/"}`;
}
