import type { SandboxClock } from "./clock";

/** "release" = a scheduled SMS going out; "delivery" = a status change or delivery report. */
export type TaskKind = "release" | "delivery";

interface Task {
  id: number;
  kind: TaskKind;
  dueAt: number;
  run: () => void | Promise<void>;
  timer: NodeJS.Timeout | null;
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Work due at a sandbox-clock moment. A real timer fires it when wall time gets there; `runDue` fires it early
 * after the clock was advanced; `flush` fires a kind immediately (tests settling statuses without waiting).
 */
export class TaskQueue {
  private readonly tasks = new Map<number, Task>();
  private readonly running = new Set<Promise<void>>();
  private nextId = 1;

  constructor(private readonly clock: SandboxClock) {}

  schedule(kind: TaskKind, dueAt: number, run: () => void | Promise<void>): void {
    const task: Task = { id: this.nextId++, kind, dueAt, run, timer: null };
    this.tasks.set(task.id, task);
    this.arm(task);
  }

  /** Runs every task whose time has come, oldest first, including ones they schedule for "now". */
  runDue(): Promise<number> {
    return this.drain((t) => t.dueAt <= this.clock.now());
  }

  /** Runs every task of a kind now, regardless of its time, until none are left. */
  flush(kind: TaskKind): Promise<number> {
    return this.drain((t) => t.kind === kind);
  }

  pending(kind?: TaskKind): number {
    return [...this.tasks.values()].filter((t) => kind === undefined || t.kind === kind).length;
  }

  /** Waits for tasks fired by timers to finish (e.g. an in-flight DLR POST). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  clear(): void {
    for (const task of this.tasks.values()) if (task.timer) clearTimeout(task.timer);
    this.tasks.clear();
  }

  /**
   * Fires matching tasks until none are left, also waiting for tasks a timer already started: those may
   * schedule follow-ups (a buffered report is followed by the final one).
   */
  private async drain(matches: (task: Task) => boolean): Promise<number> {
    let count = 0;
    for (;;) {
      const batch = this.sorted().filter(matches);
      if (batch.length === 0) {
        if (this.running.size === 0) return count;
        await this.idle();
        continue;
      }
      for (const task of batch) count += (await this.fire(task)) ? 1 : 0;
    }
  }

  private sorted(): Task[] {
    return [...this.tasks.values()].sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
  }

  private arm(task: Task): void {
    const wait = Math.min(Math.max(0, task.dueAt - this.clock.now()), MAX_TIMER_MS);
    task.timer = setTimeout(() => {
      if (!this.tasks.has(task.id)) return;
      if (this.clock.now() < task.dueAt) return this.arm(task);
      void this.fire(task);
    }, wait);
    task.timer.unref();
  }

  private async fire(task: Task): Promise<boolean> {
    if (!this.tasks.delete(task.id)) return false;
    if (task.timer) clearTimeout(task.timer);
    // Tasks record their own failures (e.g. a refused DLR POST); one bad task must not stop the queue.
    const run = Promise.resolve()
      .then(task.run)
      .catch(() => undefined);
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
    return true;
  }
}
