"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches, kept up to date (a phone turned sideways, a window resized). False on the
 * server. React's useSyncExternalStore over matchMedia, as its documentation shows; small enough that a hooks
 * library for it would be more code to load than this.
 */
export function useMediaQuery(query: string): boolean {
  // One subscription per query, not a new one on every render (React re-subscribes when this function changes).
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", changed);
      return () => list.removeEventListener("change", changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
