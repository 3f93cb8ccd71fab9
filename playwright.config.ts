import "./e2e/support/server-only-in-node";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/config";
import { SERVER_NODE_ARGS } from "./scripts/server-node-args";

// Debian's Chromium (never a downloaded browser), with the flags a container without a GPU or sandbox needs.
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: E2E.chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

// End-to-end tests run against the production build served by `npm start`'s own launcher (embedded Postgres,
// migrations, first-run owner), in Debian's Chromium: never a downloaded browser.
export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // one server and two cores: serial is faster than contended
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "./test-results",
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Europe/Copenhagen",
    locale: "en-GB",
  },
  projects: [
    // Signs each role in once and stores the sessions the specs start from (e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
  webServer: {
    command: `rm -rf ${E2E.dataDir} && node ${SERVER_NODE_ARGS.join(" ")} scripts/start.ts`,
    url: `${E2E.baseURL}/api/health`,
    timeout: 600_000, // includes the production build on a fresh clone
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: E2E.serverEnv,
  },
});
