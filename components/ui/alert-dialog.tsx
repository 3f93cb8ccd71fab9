"use client";

import type { AlertDialog as Primitive } from "radix-ui";
import type { ComponentProps } from "react";
import { buttonVariants } from "@/components/ui/button";
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
const lazy = lazyPrimitive(() => import("radix-ui/alert-dialog"));

export function AlertDialog(props: RootProps) {
  return <LazyRoot primitive={lazy} {...props} />;
}

export function AlertDialogTrigger({ children }: { asChild: true; children: TriggerChild }) {
  return <LazyTrigger primitive={lazy}>{children}</LazyTrigger>;
}

export function AlertDialogContent({ className, ...props }: ComponentProps<typeof Primitive.Content>) {
  const primitive = useLoadedPrimitive(lazy);
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
  const primitive = useOpenPrimitive(lazy);
  return <primitive.Title className={cn("text-lg font-semibold", className)} {...props} />;
}

export function AlertDialogDescription({ className, ...props }: ComponentProps<typeof Primitive.Description>) {
  const primitive = useOpenPrimitive(lazy);
  return <primitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function AlertDialogAction({ className, ...props }: ComponentProps<typeof Primitive.Action>) {
  const primitive = useOpenPrimitive(lazy);
  return <primitive.Action className={cn(buttonVariants(), className)} {...props} />;
}

export function AlertDialogCancel({ className, ...props }: ComponentProps<typeof Primitive.Cancel>) {
  const primitive = useOpenPrimitive(lazy);
  return <primitive.Cancel className={cn(buttonVariants({ variant: "outline" }), className)} {...props} />;
}
