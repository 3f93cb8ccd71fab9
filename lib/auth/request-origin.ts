/**
 * The origin Auth.js should build its redirects on. Next's request.url carries the address the server listens
 * on (http://0.0.0.0:3000 with HOST=0.0.0.0), which no browser can open: use PUBLIC_URL when set, else the
 * Host header the browser sent (on the request's own protocol), else the request's URL as it was.
 */
export function authOrigin(requestUrl: string, hostHeader: string | null, publicUrl: string | undefined): string {
  const fallback = new URL(requestUrl);
  if (publicUrl) return new URL(publicUrl).origin;
  if (hostHeader && /^[a-z0-9.\-[\]:]+$/i.test(hostHeader)) {
    try {
      const url = new URL(`${fallback.protocol}//${hostHeader}`);
      if (url.host === hostHeader.toLowerCase()) return url.origin;
    } catch {
      // an unparsable Host header: keep the request's own URL
    }
  }
  return fallback.origin;
}
