import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { UserRole } from "@/drizzle/schema";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { toLocalizedError } from "@/lib/errors";
import { localizeMessage } from "@/lib/i18n/localize-message";

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
    if (hasControlCharacters(raw)) {
      return {
        ok: false,
        error: { code: "INVALID_INPUT", message: await localizeMessage("Errors.controlCharacters") },
      };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error, clearMessage);
      const localized = await localizeFieldErrors(fieldErrors as Record<string, string[] | undefined>);
      return {
        ok: false,
        error: {
          code: "INVALID_INPUT",
          message: await localizeMessage(formErrors[0] ?? firstFieldError(localized) ?? "Errors.checkFields"),
          fieldErrors: localized,
        },
      };
    }
    return { ok: true, data: await run(parsed.data, context) };
  } catch (err) {
    unstable_rethrow(err);
    return { ok: false, error: await toLocalizedError(err) };
  }
}

/** Zod messages are catalogue keys (lib/validation): each field's messages in the reader's language. */
async function localizeFieldErrors(fieldErrors: Record<string, string[] | undefined>) {
  const entries = await Promise.all(
    Object.entries(fieldErrors).map(
      async ([field, messages]) =>
        [field, messages && (await Promise.all(messages.map((m) => localizeMessage(m))))] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<string, string[] | undefined>;
}

function firstFieldError(fieldErrors: Record<string, string[] | undefined>) {
  return Object.values(fieldErrors).find((messages) => messages?.length)?.[0];
}

/** Zod's own wording ("Invalid input: expected object, received undefined") means a forged or stale request. */
function clearMessage(issue: z.core.$ZodIssue): string {
  return /^Invalid (input|option)/.test(issue.message) ? "Errors.unexpectedForm" : issue.message;
}

// C0 control characters other than tab, newline and carriage return, and DEL. NUL above all: Postgres refuses
// it in text, so it would otherwise surface as a server error deep inside the action.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when any string anywhere in the (untrusted) input holds a control character. */
export function hasControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return CONTROL.test(value);
  if (depth > 20 || value === null || typeof value !== "object") return false;
  if (value instanceof FormData) return [...value.values()].some((v) => typeof v === "string" && CONTROL.test(v));
  return Object.values(value).some((v) => hasControlCharacters(v, depth + 1));
}
