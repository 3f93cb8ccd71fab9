import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isProcessAlive } from "./process-alive";
import { StartupError } from "./startup-error";

/** What the production build is made of; a change to any of these means the build is stale. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "drizzle/schema",
  "public",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP_FILE = ".next/cafe-build-stamp";
const LOCK_FILE = ".next-build.lock";

/** A hash of every build input (tests excluded), cheap enough to compute at every start (~10 ms). */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else if (!/\.test\.tsx?$/.test(rel)) {
      hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** True when `.next` holds a finished production build of exactly the current sources. */
export function isBuildCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP_FILE);
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID")) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, "utf8").trim() === sourceFingerprint(root);
}

/**
 * Runs `next build` unless the build is current. A lock file keeps two instances started from one checkout
 * from building into the same `.next` at once; the second waits and then reuses the first one's build.
 */
export async function ensureProductionBuild(root: string, log: (line: string) => void): Promise<"reused" | "built"> {
  if (isBuildCurrent(root)) return "reused";
  const release = await takeBuildLock(root);
  try {
    if (isBuildCurrent(root)) return "reused";
    log("Building the app for production (the first run takes a minute or two)...");
    const fingerprint = sourceFingerprint(root);
    await runNextBuild(root);
    fs.writeFileSync(path.join(root, STAMP_FILE), fingerprint);
    return "built";
  } finally {
    release();
  }
}

function runNextBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new StartupError(`The production build failed (${signal ?? `exit code ${code}`}); see the output above.`),
          ),
    );
  });
}

async function takeBuildLock(root: string): Promise<() => void> {
  const file = path.join(root, LOCK_FILE);
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(file, "utf8"));
      if (!isProcessAlive(holder)) fs.rmSync(file, { force: true });
      else await new Promise((r) => setTimeout(r, 1000)); // another instance is building; wait for it
    }
  }
}
