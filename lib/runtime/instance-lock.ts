import fs from "node:fs";
import path from "node:path";
import { isProcessAlive } from "./process-alive";
import { StartupError } from "./startup-error";

const LOCK_FILE = "app.pid";

/**
 * One app process owns a DATA_DIR (and its embedded database). A second `npm start` on the same directory
 * would fight over the database, so it is refused; several instances share an external DATABASE_URL instead.
 * A lock left by a killed process is taken over.
 */
export function acquireInstanceLock(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      if (holder !== process.pid && isProcessAlive(holder, "node")) {
        throw new StartupError(
          `Cafe de Revenue is already running with DATA_DIR ${dataDir} (process ${holder}).`,
          "Stop it first, or give this instance its own DATA_DIR. To run several instances, point them all at one DATABASE_URL.",
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner was killed
    }
  }
  throw new StartupError(`Could not lock ${file}.`);
}
