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

/**
 * A menu whose code loads when someone reaches for it, not with every page: the header's menus (account, theme,
 * the phone's navigation) are on every page and opened on few visits, and their library code (Radix's menu,
 * popper and dialog) was a fifth of the script a page shipped to a phone. Until first use, `trigger` shows: the
 * same button, plain. Pointing at or focusing it fetches the code; pressing it (click, Enter, Space, arrow down)
 * swaps in the real component, open (`defaultOpen`), and from then on it is the real one. `load` must be a
 * module-level function (`() => import("./x")`), so the component is the same on every render.
 */
export function OnFirstUse<P extends object>({
  load,
  props,
  trigger,
}: {
  load: Loader<P & { defaultOpen?: boolean }>;
  props: P;
  trigger: ReactElement<{
    onClick?: () => void;
    onPointerEnter?: () => void;
    onFocus?: () => void;
    onKeyDown?: (event: KeyboardEvent) => void;
  }>;
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
  return cloneElement(trigger, {
    onPointerEnter: prefetch,
    onFocus: prefetch,
    onClick: () => setUsed(true),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setUsed(true);
      }
    },
  });
}
