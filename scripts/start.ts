/**
 * `npm start`: the zero-configuration launcher. Validates the environment, starts the built-in Postgres (unless
 * DATABASE_URL is set), migrates, creates the first owner, starts the provider sandboxes (when no provider
 * credentials are configured), builds if needed, then serves the app and runs the job worker. With
 * WEB_CONCURRENCY=1 all of that is this one process; above 1, this process keeps the database and sandboxes,
 * the pages are served by that many web processes (this same file, run by node:cluster: the branch at the
 * bottom) and the jobs by `npm run worker`'s script at lower priority (lib/runtime/job-process.ts). Ctrl-C stops everything in order; data stays under DATA_DIR.
 */
import cluster from "node:cluster";
import path from "node:path";
import { closeDb, getDb } from "@/lib/db";
import { dataDir, env, setRuntimeEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { directRoutes } from "@/lib/runtime/app-direct-routes";
import { bootstrapOwner, ownerBanner } from "@/lib/runtime/bootstrap-owner";
import { ensureProductionBuild } from "@/lib/runtime/build";
import { consoleTranslator } from "@/lib/runtime/console-language";
import { type RunningServer, serveNextApp } from "@/lib/runtime/http-server";
import { startJobProcess } from "@/lib/runtime/job-process";
import { assertPortFree } from "@/lib/runtime/port";
import { prepareDatabase } from "@/lib/runtime/prepare-database";
import { runMain } from "@/lib/runtime/run-main";
import { startSandboxesIfNeeded } from "@/lib/runtime/sandbox";
import { startWebCluster } from "@/lib/runtime/web-cluster";

const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");

if (cluster.isWorker) serveOnly();
else launch();

function launch() {
  runMain(async (onShutdown, abort) => {
    const config = env();
    await assertPortFree(config.PORT, config.HOST);
    const db = await prepareDatabase(onShutdown, {
      role: "app",
      abort,
      afterMigrate: async () => {
        const result = await bootstrapOwner(getDb(), { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
        if (result.created && result.generatedPassword)
          console.log(ownerBanner(result.email, result.generatedPassword));
        else if (result.created) console.log(consoleTranslator()("Console.ownerFromEnv", { email: result.email }));
      },
    });

    await startSandboxesIfNeeded(onShutdown, (l) => console.log(l));
    if (!dev && (await ensureProductionBuild(ROOT, (l) => console.log(l))) === "built")
      console.log(consoleTranslator()("Console.buildFinished"));
    setRuntimeEnv({ NODE_ENV: dev ? "development" : "production" });

    const webProcesses = dev ? 1 : config.WEB_CONCURRENCY;
    let server: RunningServer | undefined;
    onShutdown(async () => server?.close(5_000), webProcesses > 1 ? "web server processes" : "web server");
    server =
      webProcesses > 1
        ? await startWebCluster(webProcesses, abort)
        : await serveNextApp({
            dir: ROOT,
            port: config.PORT,
            host: config.HOST,
            dev,
            trustProxy: config.TRUST_PROXY,
            directRoutes,
          });

    if (config.RUN_WORKER && webProcesses > 1) {
      const jobs = await startJobProcess(ROOT, abort);
      onShutdown(() => jobs.close(10_000), "job worker");
    } else if (config.RUN_WORKER) await db.startWorker();
    const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
    const processes = webProcesses > 1 ? `${webProcesses} web processes, ` : "";
    console.log(
      `\nCafe de Revenue is ready at http://${shown}:${config.PORT}  (${processes}data: ${dataDir()}, Ctrl-C to stop)\n`,
    );
    logger.info({ port: config.PORT, worker: config.RUN_WORKER, webProcesses, dev }, "app started");
  });
}

/** A web process of the cluster: the launcher has prepared everything; serve until told to stop. */
function serveOnly() {
  runMain(
    async (onShutdown) => {
      const config = env();
      onShutdown(closeDb, "database connections");
      const server = await serveNextApp({
        dir: ROOT,
        port: config.PORT,
        host: config.HOST,
        dev: false,
        trustProxy: config.TRUST_PROXY,
        directRoutes,
      });
      onShutdown(() => server.close(5_000), "web server");
    },
    { child: true },
  );
}
