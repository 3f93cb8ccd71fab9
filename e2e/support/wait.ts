import type { ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

/**
 * Checks that something does NOT happen: `probe` keeps giving `expected` for the whole window. The one place a
 * test waits for time itself; waiting for something to happen is `expect.poll` or a web-first assertion.
 */
export async function expectUnchanged<T>(
  probe: () => Promise<T>,
  expected: T,
  { forMs, message }: { forMs: number; message?: string },
) {
  const until = Date.now() + forMs;
  for (;;) {
    expect((await probe()) as unknown, message).toEqual(expected);
    if (Date.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(300, until - Date.now())));
  }
}

/**
 * Waits, as its output arrives, until a child process has printed something matching `pattern`; fails with
 * what it printed when it exits first or `timeoutMs` passes. Resolves with the match.
 */
export function waitForOutput(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
  { timeoutMs, what }: { timeoutMs: number; what: string },
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output());
      if (match) done(() => resolve(match));
    };
    const exited = () => done(() => reject(new Error(`${what} exited early:\n${output()}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`${what} not ready in time:\n${output()}`))), timeoutMs);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", exited);
      settle();
    };
    // Listeners added after the process's own (which collect `output`), so a chunk is in `output` when checked.
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.on("exit", exited);
    if (child.exitCode !== null || child.signalCode !== null) exited();
    else check();
  });
}
