/**
 * `npm test`'s first step (`pretest`, `pretest:e2e`): the end-to-end suite runs in Debian's Chromium, never a
 * browser Playwright downloads. When it is missing, root installs it with apt; anyone else is stopped at once
 * with the one command to run, instead of finding out after the unit tests and a production build.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** Where Debian puts Chromium (the wrapper script first); CHROMIUM_PATH, when set, is tried before them. */
export const DEBIAN_CHROMIUM = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"];
export const INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/** The first Chromium that exists: CHROMIUM_PATH, then Debian's; undefined when there is none. */
export function findChromium(chromiumPath: string | undefined, exists: (p: string) => boolean = fs.existsSync) {
  return [chromiumPath, ...DEBIAN_CHROMIUM].find((p): p is string => Boolean(p) && exists(p as string));
}

export type Facts = { found: string | undefined; isRoot: boolean; hasApt: boolean };
export type Decision = { kind: "ready"; path: string } | { kind: "install" } | { kind: "stop"; message: string };

/** What to do, from what is on this machine: use it, install it (root with apt), or stop with the fix. */
export function decide({ found, isRoot, hasApt }: Facts): Decision {
  if (found) return { kind: "ready", path: found };
  if (!hasApt)
    return {
      kind: "stop",
      message:
        "Chromium not found. The end-to-end tests run in a system Chromium: install it with your package manager " +
        "and set CHROMIUM_PATH to its executable.",
    };
  if (isRoot) return { kind: "install" };
  return {
    kind: "stop",
    message: `Chromium not found. The end-to-end tests run in Debian's Chromium; install it with:\n\n  sudo sh -c '${INSTALL_COMMAND}'\n`,
  };
}

/** Runs apt as root (non-interactive, no recommended extras: the same packages CI has always used). */
function aptInstall(): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env }).status === 0;
  return run(["update", "-qq"]) && run(["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
}

function main() {
  const chromiumPath = process.env.CHROMIUM_PATH;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  const decision = decide({ found: findChromium(chromiumPath), isRoot: process.getuid?.() === 0, hasApt });
  if (decision.kind === "ready") return;
  if (decision.kind === "stop") {
    console.error(decision.message);
    process.exit(1);
  }
  console.log("Chromium not found: installing Debian's package (apt-get install -y chromium) ...");
  if (!aptInstall() || !findChromium(chromiumPath)) {
    console.error(`Installing Chromium failed; run it by hand and try again:\n\n  ${INSTALL_COMMAND}\n`);
    process.exit(1);
  }
  console.log(`Chromium installed: ${findChromium(chromiumPath)}`);
}

if (process.argv[1] && /ensure-chromium\.ts$/.test(process.argv[1])) main();
