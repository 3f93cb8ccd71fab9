"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { useMediaQuery } from "./use-media-query";

/** Sonner's own phone layout starts below this width: toasts then span the screen. */
const PHONE = "(max-width: 600px)";

/**
 * Toasts at the bottom right on a larger screen; on a phone at the top, because at the bottom, full width, a toast
 * covered the form's main button (Add, Save, Send) for its four seconds, or for as long as a thumb rested on it.
 */
export function Toaster(props: ToasterProps) {
  const { theme = "system" } = useTheme();
  const phone = useMediaQuery(PHONE);
  return (
    <Sonner
      theme={theme as ToasterProps["theme"]}
      position={phone ? "top-center" : "bottom-right"}
      className="toaster group"
      richColors
      closeButton
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}
