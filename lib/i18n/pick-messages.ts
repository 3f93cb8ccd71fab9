/** A namespace ("Compose") or a part of one ("Compose.dateTime"). */
export type MessagePath = string;

/** The messages under the given paths, as a catalogue of the same shape (a path under a picked one is covered). */
export function pickMessages(
  messages: Record<string, unknown>,
  paths: readonly MessagePath[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const covered = (path: string) => paths.some((p) => path !== p && path.startsWith(`${p}.`));
  for (const path of new Set(paths)) {
    if (covered(path)) continue;
    const keys = path.split(".");
    let source: unknown = messages;
    let target = out;
    for (const [i, key] of keys.entries()) {
      if (typeof source !== "object" || source === null || !(key in source)) break;
      source = (source as Record<string, unknown>)[key];
      if (i === keys.length - 1) target[key] = source;
      else {
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
    }
  }
  return out;
}
