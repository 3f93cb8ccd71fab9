"use client";

import type { AlertDialog as Primitive } from "radix-ui";
import {
  type ComponentProps,
  cloneElement,
  createContext,
  type MouseEvent,
  type ReactElement,
  useContext,
  useEffect,
  useState,
} from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

// Radix's alert dialog, loaded the first time one is needed (its trigger reached for or pressed, or `open` set):
// confirmations open on few visits, and the dialog's code (focus trap, scroll lock, portal) was part of the
// first load of every page with a confirm button. Same parts and props as Radix's.

type PrimitiveModule = typeof Primitive;
let loaded: PrimitiveModule | null = null;
let loading: Promise<PrimitiveModule> | null = null;
function loadPrimitive(): Promise<PrimitiveModule> {
  loading ??= import("radix-ui/alert-dialog").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

const DialogModule = createContext<{ primitive: PrimitiveModule | null; request: () => void }>({
  primitive: null,
  request: () => {},
});

export function AlertDialog({ open, defaultOpen, children, ...props }: ComponentProps<typeof Primitive.Root>) {
  const [primitive, setPrimitive] = useState<PrimitiveModule | null>(loaded);
  const [pressed, setPressed] = useState(false);
  const needed = open === true || pressed;
  useEffect(() => {
    if (needed && !primitive) loadPrimitive().then(setPrimitive);
  }, [needed, primitive]);
  const request = () => setPressed(true);
  return (
    <DialogModule.Provider value={{ primitive, request }}>
      {primitive ? (
        <primitive.Root open={open} defaultOpen={defaultOpen ?? (pressed || undefined)} {...props}>
          {children}
        </primitive.Root>
      ) : (
        children
      )}
    </DialogModule.Provider>
  );
}

/** Always `asChild` (the button is ours): before the dialog's code is there, a press loads it and opens. */
export function AlertDialogTrigger({
  children,
  ...props
}: Omit<ComponentProps<typeof Primitive.Trigger>, "children"> & {
  children: ReactElement<{
    onClick?: (event: MouseEvent) => void;
    onPointerEnter?: () => void;
    onFocus?: () => void;
  }>;
}) {
  const { primitive, request } = useContext(DialogModule);
  if (primitive)
    return (
      <primitive.Trigger {...props} asChild>
        {children}
      </primitive.Trigger>
    );
  const prefetch = () => void loadPrimitive();
  return cloneElement(children, {
    onPointerEnter: prefetch,
    onFocus: prefetch,
    onClick: (event: MouseEvent) => {
      children.props.onClick?.(event);
      if (!event.defaultPrevented) request();
    },
  });
}

function usePrimitive(): PrimitiveModule {
  const { primitive } = useContext(DialogModule);
  if (!primitive) throw new Error("AlertDialog parts render only inside an open AlertDialogContent");
  return primitive;
}

export function AlertDialogContent({ className, ...props }: ComponentProps<typeof Primitive.Content>) {
  const { primitive } = useContext(DialogModule);
  if (!primitive) return null; // nothing to show before it opens
  return (
    <primitive.Portal>
      <primitive.Overlay data-slot="alert-dialog-overlay" className="fixed inset-0 z-50 bg-black/50" />
      <primitive.Content
        data-slot="alert-dialog-content"
        className={cn(
          "fixed top-[50%] left-[50%] z-50 grid w-full max-w-[calc(100%-2rem)] translate-x-[-50%] translate-y-[-50%] gap-4 rounded-lg border bg-background p-6 shadow-lg outline-none sm:max-w-lg",
          className,
        )}
        {...props}
      />
    </primitive.Portal>
  );
}

export function AlertDialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-2 text-center sm:text-left", className)} {...props} />;
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

export function AlertDialogTitle({ className, ...props }: ComponentProps<typeof Primitive.Title>) {
  const primitive = usePrimitive();
  return <primitive.Title className={cn("text-lg font-semibold", className)} {...props} />;
}

export function AlertDialogDescription({ className, ...props }: ComponentProps<typeof Primitive.Description>) {
  const primitive = usePrimitive();
  return <primitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function AlertDialogAction({ className, ...props }: ComponentProps<typeof Primitive.Action>) {
  const primitive = usePrimitive();
  return <primitive.Action className={cn(buttonVariants(), className)} {...props} />;
}

export function AlertDialogCancel({ className, ...props }: ComponentProps<typeof Primitive.Cancel>) {
  const primitive = usePrimitive();
  return <primitive.Cancel className={cn(buttonVariants({ variant: "outline" }), className)} {...props} />;
}
