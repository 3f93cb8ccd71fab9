"use client";

import { XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Dialog as Primitive } from "radix-ui";
import {
  LazyRoot,
  LazyTrigger,
  lazyPrimitive,
  type RootProps,
  type TriggerChild,
  useLoadedPrimitive,
  useOpenPrimitive,
} from "@/components/ui/lazy-primitive";
import { cn } from "@/lib/utils";

// Loaded at first need (components/ui/lazy-primitive.tsx). Same parts and props as Radix's.
const lazy = lazyPrimitive(() => import("radix-ui/dialog"));

export function Dialog(props: RootProps) {
  return <LazyRoot primitive={lazy} {...props} />;
}

export function DialogTrigger({ children }: { asChild: true; children: TriggerChild }) {
  return <LazyTrigger primitive={lazy}>{children}</LazyTrigger>;
}

function DialogOverlay({ className, ...props }: React.ComponentProps<typeof Primitive.Overlay>) {
  const DialogPrimitive = useOpenPrimitive(lazy);
  return (
    <DialogPrimitive.Overlay
      data-slot="dialog-overlay"
      className={cn(
        "fixed inset-0 z-50 bg-black/50 data-[state=open]:animate-in data-[state=open]:fade-in-0",
        className,
      )}
      {...props}
    />
  );
}

export function DialogContent({
  className,
  children,
  showCloseButton = true,
  ...props
}: React.ComponentProps<typeof Primitive.Content> & { showCloseButton?: boolean }) {
  const tCommon = useTranslations("Common");
  const DialogPrimitive = useLoadedPrimitive(lazy);
  if (!DialogPrimitive) return null; // nothing to show before it opens
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        data-slot="dialog-content"
        className={cn(
          "fixed top-[50%] left-[50%] z-50 grid max-h-[calc(100dvh-2rem)] w-full max-w-[calc(100%-2rem)] translate-x-[-50%] translate-y-[-50%] gap-4 overflow-y-auto rounded-lg border bg-background p-6 shadow-lg outline-none sm:max-w-lg",
          className,
        )}
        {...props}
      >
        {children}
        {showCloseButton && (
          <DialogPrimitive.Close
            className="absolute top-4 right-4 rounded-xs opacity-70 transition-opacity outline-none hover:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none [&_svg]:size-4"
            aria-label={tCommon("close")}
          >
            <XIcon />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-header"
      className={cn("flex flex-col gap-2 text-center sm:text-left", className)}
      {...props}
    />
  );
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="dialog-footer"
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof Primitive.Title>) {
  const DialogPrimitive = useOpenPrimitive(lazy);
  return (
    <DialogPrimitive.Title
      data-slot="dialog-title"
      className={cn("text-lg leading-none font-semibold", className)}
      {...props}
    />
  );
}

export function DialogDescription({ className, ...props }: React.ComponentProps<typeof Primitive.Description>) {
  const DialogPrimitive = useOpenPrimitive(lazy);
  return (
    <DialogPrimitive.Description
      data-slot="dialog-description"
      className={cn("text-sm text-muted-foreground", className)}
      {...props}
    />
  );
}
