/**
 * What a log line keeps of an error: its type, message, code, stack and cause, nothing else. Errors carry more
 * than their story: Drizzle's carry the failed query's parameters (guests' numbers, message texts, sealed
 * provider keys) in `params` and in their message, and pg's the connection they came from (`client`, with its
 * cancel key and settings). pino's standard serializer would print every one of those fields. An error that
 * chose its log shape (ProviderError's toJSON) is logged as that, with its stack.
 */
export function logSafeError(err: unknown, depth = 0): unknown {
  if (typeof err === "string") return withoutParams(err);
  if (!(err instanceof Error)) return err;
  const own = (err as { toJSON?: () => unknown }).toJSON;
  if (typeof own === "function") return { type: err.constructor.name, ...(own.call(err) as object), stack: err.stack };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor.name,
    message: withoutParams(err.message),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(err.stack ? { stack: withoutParams(err.stack) } : {}),
    ...(err.cause !== undefined && depth < 3 ? { cause: logSafeError(err.cause, depth + 1) } : {}),
  };
}

/** Drizzle writes "Failed query: <sql>\nparams: <values>": the SQL stays, the values don't. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [not logged]");
}
