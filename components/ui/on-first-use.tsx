"use client";

import {
  type ComponentType,
  cloneElement,
  type KeyboardEvent,
  lazy,
  type ReactElement,
  Suspense,
  useMemo,
  useState,
} from "react";

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

/** A trigger OnFirstUse can show in the real component's place: it takes the handlers that load it. */
export type FirstUseTrigger = ReactElement<{
  onClick?: () => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}>;

/**
 * A menu whose code loads when someone reaches for it, not with every page: the header's menus (account, theme,
 * the phone's navigation) are on every page and opened on few visits, and their library code (Radix's menu,
 * popper and dialog) was a fifth of the script a page shipped to a phone; the same for the date fields' popover. Until first use, `trigger` shows: the
 * same button, plain. Pointing at or focusing it fetches the code; pressing it (click, Enter, Space, arrow down)
 * swaps in the real component, open (`defaultOpen`), and from then on it is the real one. `load` must be a
 * module-level function (`() => import("./x").then((m) => ({ default: m.X }))`), so the component is the same on
 * every render.
 */
export function OnFirstUse<P extends object>({
  load,
  props,
  trigger,
  onOpen,
}: {
  load: Loader<P & { defaultOpen?: boolean }>;
  props: P;
  /** For a component whose open state its parent holds: called at the first press, to open it. */
  onOpen?: () => void;
  trigger: FirstUseTrigger;
}) {
  const [used, setUsed] = useState(false);
  const Real = useMemo(() => lazy(load), [load]);
  if (used)
    return (
      <Suspense fallback={trigger}>
        <Real {...props} defaultOpen />
      </Suspense>
    );
  const prefetch = () => void load();
  const use = () => {
    setUsed(true);
    onOpen?.();
  };
  return cloneElement(trigger, {
    onPointerEnter: prefetch,
    onFocus: prefetch,
    onClick: use,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        use();
      }
    },
  });
}
