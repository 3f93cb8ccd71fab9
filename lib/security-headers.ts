/**
 * Per-request security headers, set by proxy.ts (the static ones, such as X-Frame-Options, live in
 * next.config.ts).
 *
 * Why a nonce and not a static policy: the App Router streams its payload as inline scripts
 * (`self.__next_f.push(...)`) and loads chunks from scripts it creates, so `script-src 'self'` alone breaks the
 * app and `'unsafe-inline'` would let any injected <script> run. Following the Next 16 guide, proxy.ts makes a
 * fresh nonce per request and puts it in the request's CSP header; Next reads it from there and stamps it on its
 * own scripts, and `'strict-dynamic'` extends trust to the chunks they load. This needs dynamic rendering, which
 * every page here is anyway (each reads the session; the root layout reads the nonce for next-themes' inline
 * script).
 *
 * Styles keep `'unsafe-inline'`: Radix UI renders `style="..."` attributes and sonner injects a
 * <style> tag, none of which a nonce can cover (a nonce in style-src would also switch 'unsafe-inline' off).
 * Injected CSS can't run code, so this is the accepted trade-off.
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'self' is for browsers without 'strict-dynamic' (they ignore it otherwise); dev needs eval for React's stacks.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: on a plain-http install (a LAN address) it would send every asset request to https.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for two years, only when the app is served over HTTPS (PUBLIC_URL starts with https://). */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
