import { startBenchDatabase } from "./database";
import { benches } from "./registry";
import type { BenchResult } from "./types";

/**
 * `npm run bench [-- <prefix> ...]`: runs the benches whose result names start with one of the prefixes (all
 * when none), against real Postgres and the sandbox, printing one JSON line per result on stdout.
 */
async function main() {
  const prefixes = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const selected = benches.filter(
    (b) => prefixes.length === 0 || b.names.some((n) => prefixes.some((p) => n.startsWith(p))),
  );
  if (selected.length === 0) {
    console.error(`No bench matches ${prefixes.join(", ")}. Known: ${benches.flatMap((b) => b.names).join(", ")}`);
    process.exitCode = 1;
    return;
  }
  const db = await startBenchDatabase();
  let failed = false;
  try {
    for (const bench of selected) {
      const report = (result: BenchResult) => {
        if (prefixes.length === 0 || prefixes.some((p) => result.bench.startsWith(p)))
          process.stdout.write(`${JSON.stringify(result)}\n`);
      };
      try {
        await bench.run(report, prefixes);
      } catch (err) {
        failed = true;
        console.error(`bench ${bench.names.join(",")} failed:`, err);
      }
    }
  } finally {
    await db.stop();
  }
  if (failed) process.exitCode = 1;
}

main().then(
  () => process.exit(),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
