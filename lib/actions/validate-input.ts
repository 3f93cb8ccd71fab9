import { z } from "zod";
import type { AppLocale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/i18n/localize-message";

export type InvalidInput = {
  ok: false;
  error: { code: "INVALID_INPUT"; message: string; fieldErrors?: Record<string, string[] | undefined> };
};

/**
 * The one check of untrusted input, for actions (`defineAction`) and for the public form answered before Next's
 * router (lib/signup/join-post.ts): control characters refused, then the zod schema, every message in the
 * reader's language (`locale`, else the request's). No Next.js imports, so the launcher can load it.
 */
export async function validateInput<S extends z.ZodType>(
  raw: unknown,
  schema: S,
  locale?: AppLocale,
): Promise<{ ok: true; data: z.infer<S> } | InvalidInput> {
  if (hasControlCharacters(raw)) {
    return {
      ok: false,
      error: { code: "INVALID_INPUT", message: await localizeMessage("Errors.controlCharacters", undefined, locale) },
    };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { fieldErrors, formErrors } = z.flattenError(parsed.error, clearMessage);
  const localized = await localizeFieldErrors(fieldErrors as Record<string, string[] | undefined>, locale);
  return {
    ok: false,
    error: {
      code: "INVALID_INPUT",
      message: await localizeMessage(
        formErrors[0] ?? firstFieldError(localized) ?? "Errors.checkFields",
        undefined,
        locale,
      ),
      fieldErrors: localized,
    },
  };
}

/** The catalogue key of the first problem with `raw` (for an answer that carries a key, not words), or null. */
export function firstProblemKey(raw: unknown, schema: z.ZodType): string | null {
  if (hasControlCharacters(raw)) return "Errors.controlCharacters";
  const parsed = schema.safeParse(raw);
  return parsed.success ? null : clearMessage(parsed.error.issues[0]!);
}

/** Zod messages are catalogue keys (lib/validation): each field's messages in the reader's language. */
async function localizeFieldErrors(fieldErrors: Record<string, string[] | undefined>, locale?: AppLocale) {
  const entries = await Promise.all(
    Object.entries(fieldErrors).map(
      async ([field, messages]) =>
        [field, messages && (await Promise.all(messages.map((m) => localizeMessage(m, undefined, locale))))] as const,
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
