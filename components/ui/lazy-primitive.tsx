"use client";

import {
  type ComponentType,
  type Context,
  cloneElement,
  createContext,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from "react";

// A Radix dialog primitive loaded the first time one is needed (its trigger reached for or pressed, or `open`
// set), not with the page: confirmations and forms in dialogs open on few visits, and the dialog's code (focus
// trap, scroll lock, portal) was part of the first load of every page with such a button. `LazyRoot` and
// `LazyTrigger` stand in for Root and Trigger; the other parts read `useLoadedPrimitive` and render only once
// it is there (the content renders nothing before: nothing is open then).

export type RootProps = {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  modal?: boolean;
  children?: ReactNode;
};
type PrimitiveModule = {
  Root: ComponentType<RootProps>;
  Trigger: ComponentType<{ asChild?: boolean; children?: ReactNode }>;
};
export type TriggerChild = ReactElement<{
  onClick?: (event: MouseEvent) => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
}>;
type Loaded<M> = { primitive: M | null; request: () => void };

export type LazyPrimitive<M extends PrimitiveModule> = {
  get: () => Promise<M>;
  current: () => M | null;
  context: Context<Loaded<M>>;
};

/** Declares a lazily loaded primitive, at module level: `lazyPrimitive(() => import("radix-ui/dialog"))`. */
export function lazyPrimitive<M extends PrimitiveModule>(load: () => Promise<M>): LazyPrimitive<M> {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    get: () => {
      loading ??= load().then((m) => {
        loaded = m;
        return m;
      });
      return loading;
    },
    current: () => loaded,
    context: createContext<Loaded<M>>({ primitive: null, request: () => {} }),
  };
}

export function LazyRoot<M extends PrimitiveModule>({
  primitive: lazy,
  open,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: RootProps & { primitive: LazyPrimitive<M> }) {
  const [primitive, setPrimitive] = useState<M | null>(lazy.current());
  const [pressed, setPressed] = useState(false);
  const needed = open === true || pressed;
  useEffect(() => {
    if (needed && !primitive) lazy.get().then(setPrimitive);
  }, [needed, primitive, lazy]);
  const Provider = lazy.context.Provider;
  return (
    <Provider
      value={{
        primitive,
        // Uncontrolled, it opens by defaultOpen once loaded; controlled, its owner is told to open it.
        request: () => {
          setPressed(true);
          onOpenChange?.(true);
        },
      }}
    >
      {primitive ? (
        <primitive.Root
          open={open}
          defaultOpen={defaultOpen ?? (pressed || undefined)}
          onOpenChange={onOpenChange}
          {...props}
        >
          {children}
        </primitive.Root>
      ) : (
        children
      )}
    </Provider>
  );
}

/** Always `asChild` (the button is ours): before the code is there, a press loads it and opens. */
export function LazyTrigger<M extends PrimitiveModule>({
  primitive: lazy,
  children,
}: {
  primitive: LazyPrimitive<M>;
  children: TriggerChild;
}) {
  const { primitive, request } = useContext(lazy.context);
  if (primitive) return <primitive.Trigger asChild>{children}</primitive.Trigger>;
  const prefetch = () => void lazy.get();
  return cloneElement(children, {
    onPointerEnter: prefetch,
    onFocus: prefetch,
    onClick: (event: MouseEvent) => {
      children.props.onClick?.(event);
      if (!event.defaultPrevented) request();
    },
  });
}

/** The loaded primitive inside a LazyRoot, or null before it is needed. */
export function useLoadedPrimitive<M extends PrimitiveModule>(lazy: LazyPrimitive<M>): M | null {
  return useContext(lazy.context).primitive;
}

/** The loaded primitive, for the parts that render only inside open content (title, description, buttons). */
export function useOpenPrimitive<M extends PrimitiveModule>(lazy: LazyPrimitive<M>): M {
  const primitive = useLoadedPrimitive(lazy);
  if (!primitive) throw new Error("a dialog part rendered outside its open content");
  return primitive;
}
