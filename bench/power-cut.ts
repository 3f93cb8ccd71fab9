import fs from "node:fs";
import net from "node:net";

/**
 * A power cut for a process tree: the launcher, everything it started (web and job processes, the embedded
 * Postgres and its backends, which Postgres puts in sessions of their own so a process-group kill would miss
 * them) and any other process named, all stopped at the same instant. Linux only (reads /proc).
 */
export async function powerCut(rootPid: number, alsoPids: number[] = []): Promise<{ pids: number[] }> {
  // Freeze first (SIGSTOP), then kill: a frozen process can neither fork a new backend nor write another byte,
  // so what the database and the provider see is the state at one instant, as when the power goes.
  const frozen = new Set<number>();
  for (let round = 0; round < 20; round++) {
    const found = [rootPid, ...alsoPids].flatMap((pid) => [pid, ...descendants(pid)]).filter((p) => !frozen.has(p));
    if (found.length === 0) break;
    for (const pid of found) {
      signal(pid, "SIGSTOP");
      frozen.add(pid);
    }
  }
  for (const pid of frozen) signal(pid, "SIGKILL");
  const pids = [...frozen];
  // Gone from the process table, not just dead: a killed Postgres stays a zombie until its new parent (init)
  // collects it, and the restarted Postgres reads a zombie's pid in postmaster.pid as a server still running
  // ("lock file already exists"). After a real power cut there is no such process either.
  const deadline = Date.now() + 10_000;
  while (pids.some(exists)) {
    if (Date.now() > deadline)
      throw new Error(`still in the process table after SIGKILL: ${pids.filter(exists).join(", ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { pids };
}

/** Throws unless the Postgres of this data directory is dead (its postmaster.pid names no live process) and its port is closed. */
export async function assertPostgresDown(databaseDir: string, port: number) {
  const pidFile = `${databaseDir}/postmaster.pid`;
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (isRunning(pid)) throw new Error(`Postgres (process ${pid}) survived the power cut`);
  }
  if (await portOpen(port)) throw new Error(`something still listens on the database's port ${port}`);
}

/** True when a TCP connection to 127.0.0.1:port is accepted. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Every process below pid (children, their children...), from each process's parent in /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(Number(name));
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const visit = (p: number) => {
    for (const child of children.get(p) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Alive and not a zombie (a killed child stays in the table until its parent collects it; it runs no more). */
export function isRunning(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== "Z" && state !== "X";
}

function exists(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

function parentOf(pid: number): number | null {
  const ppid = statFields(pid)?.[1];
  return ppid === undefined ? null : Number(ppid);
}

/** /proc/<pid>/stat after the command name (which may hold spaces and parentheses): state, ppid, ... */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}
