/**
 * `npm start`: the zero-configuration launcher. Validates the environment, starts the built-in Postgres (unless
 * DATABASE_URL is set), migrates, creates the first owner, starts the provider sandboxes (when no provider
 * credentials are configured), builds if needed, then serves the app and runs the job worker in this one process. Ctrl-C stops everything in order; data stays under DATA_DIR.
 */
import path from "node:path";
import { dataDir, env, setRuntimeEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { bootstrapOwner, ownerBanner } from "@/lib/runtime/bootstrap-owner";
import { ensureProductionBuild } from "@/lib/runtime/build";
import { prepareDatabase } from "@/lib/runtime/prepare-database";
import { serveNextApp, type RunningServer } from "@/lib/runtime/http-server";
import { assertPortFree } from "@/lib/runtime/port";
import { runMain } from "@/lib/runtime/run-main";
import { startSandboxesIfNeeded } from "@/lib/runtime/sandbox";
import { getDb } from "@/lib/db";

const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");

runMain(async (onShutdown) => {
  const config = env();
  await assertPortFree(config.PORT, config.HOST);
  const db = await prepareDatabase(onShutdown, {
    role: "app",
    afterMigrate: async () => {
      const result = await bootstrapOwner(getDb(), { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
      if (result.created && result.generatedPassword) console.log(ownerBanner(result.email, result.generatedPassword));
      else if (result.created) console.log(`Owner account created for ${result.email} (password from ADMIN_PASSWORD).`);
    },
  });

  await startSandboxesIfNeeded(onShutdown, (l) => console.log(l));
  if (!dev && (await ensureProductionBuild(ROOT, (l) => console.log(l))) === "built") console.log("Build finished.");
  setRuntimeEnv({ NODE_ENV: dev ? "development" : "production" });

  let server: RunningServer | undefined;
  onShutdown(async () => server?.close(5_000), "web server");
  server = await serveNextApp({ dir: ROOT, port: config.PORT, host: config.HOST, dev, trustProxy: config.TRUST_PROXY });

  if (config.RUN_WORKER) await db.startWorker();
  const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  console.log(`\nCafe de Revenue is ready at http://${shown}:${config.PORT}  (data: ${dataDir()}, Ctrl-C to stop)\n`);
  logger.info({ port: config.PORT, worker: config.RUN_WORKER, dev }, "app started");
});
