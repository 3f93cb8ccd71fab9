import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { localizeMessage } from "@/lib/i18n/localize-message";
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
      return { done: 0, failed: ops.length, firstError: "Groups.cpsms.unreachable" };
    });
    return { pending: 0, failed: result.failed, firstError: result.firstError };
  }
  after(() => applyCpsmsOps(getDb(), ops).catch((err) => logger.warn({ err }, "cpsms push failed")));
  return { pending: ops.length, failed: 0, firstError: null };
}

/** A sentence for the toast when CPSMS did not take every change, in the reader's language. */
export async function cpsmsNote(result: {
  pending: number;
  failed: number;
  firstError: string | null;
}): Promise<string | null> {
  if (result.failed) {
    const error = await localizeMessage(result.firstError ?? "Groups.cpsms.unknownError");
    return localizeMessage("Groups.cpsms.notTaken", { count: result.failed, error });
  }
  if (result.pending) return localizeMessage("Groups.cpsms.pending", { count: result.pending });
  return null;
}

/** Pushes the changes and words what CPSMS did not take (null when it took everything): the actions' one call. */
export async function pushCpsmsNote(ops: CpsmsOp[]): Promise<string | null> {
  return await cpsmsNote(await pushCpsmsChanges(ops));
}
