import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { applyCpsmsOps, type CpsmsOp } from "./cpsms-sync";

/** Pushes this many CPSMS changes before answering; larger batches continue after the response. */
const INLINE_CPSMS_OPS = 50;

/**
 * For actions: sends membership changes to CPSMS. Small batches are awaited so the page shows the result at
 * once; large ones run after the response (the group page's drift check shows progress and offers a fix).
 */
export async function pushCpsmsChanges(
  ops: CpsmsOp[],
): Promise<{ pending: number; failed: number; firstError: string | null }> {
  if (ops.length === 0) return { pending: 0, failed: 0, firstError: null };
  if (ops.length <= INLINE_CPSMS_OPS) {
    const result = await applyCpsmsOps(getDb(), ops).catch((err) => {
      logger.warn({ err }, "cpsms push failed");
      return { done: 0, failed: ops.length, firstError: "CPSMS could not be reached." };
    });
    return { pending: 0, failed: result.failed, firstError: result.firstError };
  }
  after(() => applyCpsmsOps(getDb(), ops).catch((err) => logger.warn({ err }, "cpsms push failed")));
  return { pending: ops.length, failed: 0, firstError: null };
}

/** A sentence for the toast when CPSMS did not take every change. */
export function cpsmsNote(result: { pending: number; failed: number; firstError: string | null }): string | null {
  if (result.failed)
    return `CPSMS did not take ${result.failed} change(s): ${result.firstError ?? "unknown error"}. Use "Fix" on the group page.`;
  if (result.pending) return `${result.pending} change(s) are being sent to CPSMS in the background.`;
  return null;
}

/** Pushes the changes and words what CPSMS did not take (null when it took everything): the actions' one call. */
export async function pushCpsmsNote(ops: CpsmsOp[]): Promise<string | null> {
  return cpsmsNote(await pushCpsmsChanges(ops));
}
