/**
 * At most `max` calls of the returned function's argument run at once; the rest wait their turn, in order.
 * A provider's callback dispatcher works through its queue over a bounded set of connections: it does not
 * open ten thousand at once because a campaign of ten thousand was delivered in the same second.
 */
export function concurrencyLimit(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing call hands over its slot
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
