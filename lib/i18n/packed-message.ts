// Client-safe: no server imports (sender-rules, used by client components, packs messages too).

/** A catalogue key: a namespace, then dot-separated names (Errors.sessionEnded). */
export const KEY = /^[A-Z][A-Za-z]+(\.[A-Za-z0-9_]+)+$/;

/** Between a key and its values' JSON in a packed message. */
export const PACKED = " ¦ ";

/**
 * A catalogue key with its values as one string, where only a string fits: a zod issue's message, or a value
 * of another message (an AppError's `{problem}`). `localizeMessage` translates it, values and all.
 */
export function withValues(key: string, values?: Record<string, string | number>): string {
  return values && Object.keys(values).length ? `${key}${PACKED}${JSON.stringify(values)}` : key;
}

export function unpackMessage(
  message: string,
): { key: string; values?: Record<string, string | number | Date> } | null {
  const at = message.indexOf(PACKED);
  if (at < 0) return KEY.test(message) ? { key: message } : null;
  const key = message.slice(0, at);
  if (!KEY.test(key)) return null;
  try {
    const values = JSON.parse(message.slice(at + PACKED.length));
    return values && typeof values === "object" ? { key, values } : null;
  } catch {
    return null;
  }
}
