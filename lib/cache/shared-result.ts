/**
 * One computation shared by everyone who asks for the same key within `ttlMs`: concurrent callers await the
 * same promise, later ones reuse its result until it is `ttlMs` old. Results `keep` rejects (and failures)
 * are dropped as soon as they settle, so the next caller tries again. Per process, in memory: for figures that
 * may be a moment old, read by many people at once (the dashboard).
 */
export function sharedResult<K, V>(
  options: { ttlMs: number; keyOf: (key: K) => string; keep?: (value: V) => boolean },
  compute: (key: K) => Promise<V>,
) {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return (key: K): Promise<V> => {
    const id = options.keyOf(key);
    const now = Date.now();
    const cached = entries.get(id);
    if (cached && now - cached.at < options.ttlMs) return cached.value;
    // Old entries of other keys go when they are next asked for; prune the rest now and then.
    if (entries.size > 100) for (const [k, e] of entries) if (now - e.at >= options.ttlMs) entries.delete(k);
    const value = compute(key);
    entries.set(id, { at: now, value });
    const drop = () => {
      if (entries.get(id)?.value === value) entries.delete(id);
    };
    value.then((v) => (options.keep && !options.keep(v) ? drop() : undefined), drop);
    return value;
  };
}
