import fs from "node:fs";

/** True when a process with this pid exists (and, if given, its command line contains `nameHint`). */
export function isProcessAlive(pid: number, nameHint?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (!nameHint) return true;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(nameHint);
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** Waits until the process is gone, up to `timeoutMs`; returns whether it exited. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}
