"use client";

import { debounce, type ParserMap, useQueryStates, type Values } from "nuqs";
import { useTransition } from "react";

/** How long search waits after the last key before asking the server (typing "Hansen" is one request). */
export const SEARCH_DEBOUNCE_MS = 350;

type Cursor = { after?: unknown; before?: unknown };
type Update<P extends ParserMap> = Partial<{ [K in keyof Values<P>]: Values<P>[K] | null }>;

/**
 * A table's state in the URL (shareable, back button, refresh), read with the same parsers as the server page.
 * Every change is a navigation that re-renders the server component (`shallow: false`); `pending` is true
 * until the new rows arrive. Changing filters, search, sort or page size starts again from the first page.
 */
export function useTableUrlState<P extends ParserMap & Cursor>(parsers: P) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, {
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });
  const firstPage = { after: null, before: null } as Update<P>;
  const set = (values: Update<P>, options?: Parameters<typeof setState>[1]) =>
    setState({ ...values, ...firstPage } as Parameters<typeof setState>[0], options);

  return {
    state,
    pending,
    /** Filters, sort or page size: back to the first page. */
    setFilters: (values: Update<P>) => set(values),
    /** Search as you type: the box shows each key at once, the server is asked after a pause (or on Enter). */
    setSearch: (key: keyof P & string, value: string, options: { now?: boolean } = {}) =>
      set({ [key]: value.trim() ? value : null } as Update<P>, {
        limitUrlUpdates: options.now ? undefined : debounce(SEARCH_DEBOUNCE_MS),
      }),
    /** Next or previous page by keyset cursor. */
    goTo: (position: { after?: string | null; before?: string | null }) =>
      setState({ after: position.after ?? null, before: position.before ?? null } as Parameters<typeof setState>[0], {
        scroll: true,
      }),
  };
}
