import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Tests that change settings every other file reads: the restaurant's one settings row (quiet hours on "now")
 * and the saved provider credentials and senders. They run after everything else, one file at a time. In
 * parallel, quiet hours made an unrelated test fail whenever the suite ran before 09:00 in Copenhagen, and
 * saved CPSMS credentials sent another file's balance check to the live service (no network in CI: "could not
 * reach CPSMS").
 */
const CHANGES_SHARED_SETTINGS = [
  "lib/campaigns/campaign-controls.test.ts",
  "lib/campaigns/reschedule-campaign.test.ts",
  "lib/marketing/frequency-cap.test.ts",
  "lib/providers/providers.test.ts",
  "lib/test-sends/test-sends.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "."),
      // `server-only` throws outside React's server condition; tests are server code.
      "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
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
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,scripts,sandbox,tests,drizzle}/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...CHANGES_SHARED_SETTINGS],
        },
      },
      {
        extends: true,
        test: {
          name: "shared-settings",
          include: CHANGES_SHARED_SETTINGS,
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
