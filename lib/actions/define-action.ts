import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { UserRole } from "@/drizzle/schema";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { toPublicError } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string[] | undefined> } };

type ActionOptions = { role?: UserRole; allowPendingPasswordChange?: boolean };

/**
 * The one shape of every server action: authenticate and authorise against the database, validate the input
 * with zod, run, and return a result the UI can show. Only `AppError` messages reach the browser.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  options: ActionOptions,
  run: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await authorize(options);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const { fieldErrors, formErrors } = z.flattenError(parsed.error);
        return {
          ok: false,
          error: {
            code: "INVALID_INPUT",
            message: formErrors[0] ?? firstFieldError(fieldErrors) ?? "Check the highlighted fields.",
            fieldErrors: fieldErrors as Record<string, string[] | undefined>,
          },
        };
      }
      return { ok: true, data: await run(parsed.data, user) };
    } catch (err) {
      unstable_rethrow(err);
      return { ok: false, error: toPublicError(err) };
    }
  };
}

function firstFieldError(fieldErrors: Record<string, string[] | undefined>) {
  return Object.values(fieldErrors).find((messages) => messages?.length)?.[0];
}
