"use client";

import { type ComponentType, useEffect, useState } from "react";
import { onToasterRequested, toasterReady } from "@/lib/toast/toast";

/**
 * The root layout's toast area: nothing until the first `toast.*` call (lib/toast/toast.ts), then sonner's
 * Toaster, loaded then. Effects run child-first, so by this component's effect the Toaster has subscribed.
 */
export function LazyToaster() {
  const [Toaster, setToaster] = useState<ComponentType | null>(null);
  useEffect(
    () =>
      onToasterRequested(() => {
        void import("@/components/ui/sonner").then((m) => setToaster(() => m.Toaster));
      }),
    [],
  );
  useEffect(() => {
    if (Toaster) toasterReady();
  }, [Toaster]);
  return Toaster ? <Toaster /> : null;
}
