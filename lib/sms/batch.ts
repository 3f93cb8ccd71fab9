import { isProviderError, type ProviderError } from "./errors";
import type { BatchItemResult, OutboundSms } from "./types";

/** One provider request covering some of the batch's messages (by index). */
export interface BatchCall {
  indices: number[];
  run(): Promise<Map<number, BatchItemResult>>;
}

/** Errors about this request's content; later requests may still succeed. */
const REQUEST_SPECIFIC = new Set(["validation", "not_found", "conflict"]);

/**
 * Runs batch requests one after another. A request-specific error fails only its own messages; anything else
 * (auth, credit, outage, timeout) stops the batch and marks the rest "skipped" so nothing is sent twice or blind.
 */
export async function runBatchCalls(
  messages: readonly OutboundSms[],
  calls: readonly BatchCall[],
): Promise<BatchItemResult[]> {
  const results = new Array<BatchItemResult | undefined>(messages.length);
  let stopError: ProviderError | null = null;
  for (const call of calls) {
    if (stopError) {
      for (const i of call.indices)
        results[i] = { status: "skipped", message: messageAt(messages, i), error: stopError };
      continue;
    }
    try {
      for (const [i, result] of await call.run()) results[i] = result;
    } catch (err) {
      if (!isProviderError(err)) throw err;
      for (const i of call.indices) results[i] = { status: "failed", message: messageAt(messages, i), error: err };
      if (isHardFailure(err)) stopError = err;
    }
  }
  return results.map((result, i) => {
    if (!result) throw new Error(`batch result missing for message ${i}`);
    return result;
  });
}

/** True when an error is about the account or the connection rather than this request, so later requests would fail too (or double-send). */
export function isHardFailure(err: ProviderError): boolean {
  return !REQUEST_SPECIFIC.has(err.code);
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function messageAt(messages: readonly OutboundSms[], i: number): OutboundSms {
  const message = messages[i];
  if (!message) throw new Error(`no message at index ${i}`);
  return message;
}
