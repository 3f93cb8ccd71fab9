"use client";

import { useCallback, useRef, useState, useTransition } from "react";
import { toast } from "@/lib/toast/toast";
import type { ActionResult } from "./define-action";

/** What a failed action tells the UI: a message for staff and, for forms, the fields to highlight. */
export type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

type UseActionOptions<I, T> = {
  /** Toast shown on success; a function can word it from the result (return null for none). */
  success?: string | ((data: T, input: I) => string | null);
  /** A warning toast after the success one, e.g. the changes CPSMS did not take (null or absent for none). */
  warning?: (data: T, input: I) => string | null | undefined;
  /** Runs after a success (close a dialog, clear a selection, navigate). */
  onSuccess?: (data: T, input: I) => void;
  /** Runs after a failure, after the error toast (if any). */
  onError?: (error: ActionError, input: I) => void;
  /** "toast" (default) shows the message as a toast; "inline" only keeps it in `error` for the form to show. */
  errors?: "toast" | "inline";
};

/**
 * The one way a client component runs a server action: pending state for the button, the error toast or inline
 * message, the success toast and a callback. No `router.refresh()`: actions revalidate the paths they change,
 * and Next re-renders the page with the action's response.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: UseActionOptions<I, T> = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  // The latest options without re-creating `run` on every render (callers pass inline objects).
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<T>>((resolve) => {
        startTransition(async () => {
          const { success, warning, onSuccess, onError, errors = "toast" } = latest.current;
          const result = await action(input);
          if (result.ok) {
            setError(null);
            const message = typeof success === "function" ? success(result.data, input) : success;
            if (message) toast.success(message);
            const caution = warning?.(result.data, input);
            if (caution) toast.warning(caution);
            onSuccess?.(result.data, input);
          } else {
            setError(result.error);
            if (errors === "toast") toast.error(result.error.message);
            onError?.(result.error, input);
          }
          resolve(result);
        });
      }),
    [action],
  );

  /** The first message for one field of a form, from the last failed run. */
  const fieldError = useCallback((field: string) => error?.fieldErrors?.[field]?.[0], [error]);

  // Stable, so effects may list it as a dependency without re-running on every render.
  const reset = useCallback(() => setError(null), []);

  return { run, pending, error, fieldError, reset };
}
