import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { UserRole } from "@/drizzle/schema";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { toLocalizedError } from "@/lib/errors";
import { validateInput } from "./validate-input";

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
  // Authorise before validating, so a caller without access learns nothing from validation messages.
  return (raw) => execute(raw, schema, () => authorize(options), run);
}

type PublicOptions = {
  /**
   * A plain HTML form's action (works before the page's script loads): the input is the posted FormData (the
   * last argument, after `useActionState`'s previous state), validated as an object of its fields. Anything
   * else was not sent by our page, so it gets the not-found answer and nothing runs.
   */
  form?: boolean;
};

/** A plain `<form action>` ignores the result; `useActionState` passes its previous state first and reads it. */
type FormAction<T> = ((form: FormData) => Promise<void>) &
  ((previous: unknown, form?: FormData) => Promise<ActionResult<T>>);

/**
 * An action anyone may call, with no session: the guest's opt-out (the token is the proof), sign-in, sign-out.
 * Validated, checked for control characters and error-mapped exactly like `defineAction`. Next checks the
 * request's origin for every action.
 */
export function definePublicAction<S extends z.ZodType, T>(
  schema: S,
  options: PublicOptions & { form: true },
  run: (input: z.infer<S>) => Promise<T>,
): FormAction<T>;
export function definePublicAction<S extends z.ZodType, T>(
  schema: S,
  options: PublicOptions,
  run: (input: z.infer<S>) => Promise<T>,
): (raw: z.input<S>) => Promise<ActionResult<T>>;
export function definePublicAction<S extends z.ZodType, T>(
  schema: S,
  options: PublicOptions,
  run: (input: z.infer<S>) => Promise<T>,
) {
  const nobody = async () => null;
  if (!options.form) return (raw: z.input<S>) => execute(raw, schema, nobody, run);
  return async (...args: unknown[]) => {
    const form = args.at(-1);
    if (!(form instanceof FormData)) notFound();
    return execute(Object.fromEntries(form.entries()), schema, nobody, run);
  };
}

/** Authorise, reject control characters, validate, run; map every failure to a result staff can read. */
async function execute<S extends z.ZodType, C, T>(
  raw: unknown,
  schema: S,
  authorise: () => Promise<C>,
  run: (input: z.infer<S>, context: C) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const context = await authorise();
    const input = await validateInput(raw, schema);
    if (!input.ok) return input;
    return { ok: true, data: await run(input.data, context) };
  } catch (err) {
    unstable_rethrow(err);
    return { ok: false, error: await toLocalizedError(err) };
  }
}
