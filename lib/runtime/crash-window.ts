/** More crashes than this within a minute is a crash loop: stop restarting and say so. */
export const MAX_CRASHES_PER_MINUTE = 5;

/**
 * Counts the crashes of something the launcher keeps running (a web process, the built-in database) and says
 * whether to restart it once more: yes, unless it crashed more than MAX_CRASHES_PER_MINUTE times within the
 * last minute, which no restart will fix (a full disk, a broken data directory).
 */
export function crashWindow(limit = MAX_CRASHES_PER_MINUTE, windowMs = 60_000) {
  const crashes: number[] = [];
  return {
    /** Records a crash now; true when another restart is still worth trying. */
    crashed(now = Date.now()): boolean {
      crashes.push(now);
      while (crashes[0]! < now - windowMs) crashes.shift();
      return crashes.length <= limit;
    },
  };
}
