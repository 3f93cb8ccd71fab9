import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "."),
      // `server-only` throws outside React's server condition; tests are server code.
      "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["{lib,scripts,sandbox,tests,drizzle}/**/*.test.ts"],
    environment: "node",
    env: { LOG_LEVEL: "silent", NEXT_TELEMETRY_DISABLED: "1" },
    // next-auth's ESM imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: parallel files compete with Postgres; keep it modest.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
