import path from "node:path";
import { findChromium, INSTALL_COMMAND } from "../../scripts/ensure-chromium";

// E2E_PORT_OFFSET lets two suites run side by side on one machine (e.g. two checkouts): every port moves by it.
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const PORT = 3210 + OFFSET;
const dataDir = path.resolve(OFFSET ? `data/e2e-${OFFSET}` : "data/e2e");

/** Settings shared by playwright.config.ts and the tests (which also reach the e2e database directly). */
export const E2E = {
  port: PORT,
  baseURL: `http://localhost:${PORT}`, // Auth.js builds redirects for "localhost"; keep the host identical
  dataDir,
  embeddedPgPort: 54_391 + OFFSET,
  /** The server's own sandboxes (started by the launcher since no provider credentials are set). */
  cpsmsSandboxPort: 4110 + OFFSET,
  // A range of its own: with 4120 + OFFSET, offset 10's CPSMS sandbox took offset 0's smsapp.pk port.
  smsappSandboxPort: 4620 + OFFSET,
  offset: OFFSET,
  owner: { email: "owner@cafe.test", password: "e2e owner password" },
  chromiumPath: chromium(),
  serverEnv: {
    NODE_ENV: "production",
    PORT: String(PORT),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(54_391 + OFFSET),
    CPSMS_SANDBOX_PORT: String(4110 + OFFSET),
    SMSAPP_SANDBOX_PORT: String(4620 + OFFSET),
    // "Live" CPSMS in these tests is the sandbox too: saved credentials are checked against it, never the real API.
    CPSMS_BASE_URL: `http://127.0.0.1:${4110 + OFFSET}/v2`,
    SMSAPP_BASE_URL: `http://127.0.0.1:${4620 + OFFSET}/api/v3`,
    CPSMS_USERNAME: "",
    CPSMS_API_KEY: "",
    SMSAPP_API_TOKEN: "",
    SANDBOX_DELIVERY_DELAY_MS: "200",
    DATABASE_URL: "", // always the embedded database here, even when the caller's shell has DATABASE_URL
    ADMIN_EMAIL: "owner@cafe.test",
    ADMIN_PASSWORD: "e2e owner password",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // One web process per instance keeps the suite lean on two cores; two-instances.spec.ts runs one with two.
    WEB_CONCURRENCY: "1",
    // The test clock (automations.spec moves it); refused with an https PUBLIC_URL, never set in production.
    TEST_CLOCK: "1",
  },
};

function chromium() {
  const found = findChromium(process.env.CHROMIUM_PATH);
  if (!found)
    throw new Error(
      `Chromium not found: run the suite with \`npm run test:e2e\` (it installs Debian's Chromium when root), or ${INSTALL_COMMAND}, or set CHROMIUM_PATH.`,
    );
  return found;
}
