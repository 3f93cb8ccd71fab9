/**
 * Group commit: callers submit one item each and await its own result, while the items are written to the
 * database together, one statement per batch, one batch in flight at a time. Idle, a lone item is written at
 * once (no timer, no added latency); in a burst (a provider delivering 10,000 reports in a second) the items
 * that arrive while a batch is being written form the next one. So a burst uses one database connection, not
 * the whole pool that pages need, and a few hundred statements instead of ten thousand.
 *
 * Items with the same key never share a batch: a later one waits for the next, so per-key order is kept
 * (a "buffered" report applied before the "delivered" one that followed it).
 */
export function groupCommit<T, R>(options: {
  maxBatch: number;
  keyOf: (item: T) => string;
  write: (items: T[]) => Promise<R[]>;
}) {
  type Entry = { item: T; resolve: (r: R) => void; reject: (err: unknown) => void };
  let queue: Entry[] = [];
  let writing = false;

  async function drain() {
    if (writing) return;
    writing = true;
    try {
      while (queue.length > 0) {
        const batch: Entry[] = [];
        const later: Entry[] = [];
        const keys = new Set<string>();
        let i = 0;
        for (; i < queue.length && batch.length < options.maxBatch; i++) {
          const entry = queue[i]!;
          const key = options.keyOf(entry.item);
          if (keys.has(key)) later.push(entry);
          else {
            keys.add(key);
            batch.push(entry);
          }
        }
        queue = i < queue.length ? later.concat(queue.slice(i)) : later; // a full batch: the rest waits, unread
        try {
          const results = await options.write(batch.map((e) => e.item));
          for (const [i, e] of batch.entries()) e.resolve(results[i] as R);
        } catch (err) {
          for (const e of batch) e.reject(err);
        }
      }
    } finally {
      writing = false;
    }
  }

  return function submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      void drain();
    });
  };
}
