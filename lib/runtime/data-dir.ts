import fs from "node:fs/promises";
import path from "node:path";
import { StartupError } from "./startup-error";

/** Creates the data directory if needed and proves we can write to it, naming the directory when we can't. */
export async function ensureWritableDataDir(dir: string): Promise<void> {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(probe, "ok");
    await fs.rm(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unknown error";
    throw new StartupError(
      `DATA_DIR is not writable: ${dir} (${code}).`,
      "Set DATA_DIR to a directory this user can write to, or fix the directory's permissions.",
    );
  }
}
