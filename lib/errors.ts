import type { AppLocale } from "@/lib/i18n/locales";
import { localizeMessage, type MessageValues } from "@/lib/i18n/localize-message";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/sms/errors";

export type AppErrorCode =
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "RATE_LIMITED"
  | "CONFIG"
  | "PROVIDER_UNAVAILABLE"
  | "INSUFFICIENT_CREDIT";

/**
 * An error whose message is written for the person using the app and is safe to show them. The message is a
 * catalogue key ("Errors.sessionEnded", with `values` for its placeholders) translated into the reader's
 * language when it is shown (lib/i18n/localize-message.ts); plain text passes through unchanged.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly values?: MessageValues,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Turns any error into something safe to send to the browser; unexpected ones are logged, not shown. */
export function toPublicError(err: unknown): { code: string; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  // Provider errors carry only scrubbed data and a message written for a manager (lib/sms/errors.ts).
  if (isProviderError(err)) return { code: `PROVIDER_${err.code.toUpperCase()}`, message: err.userMessage };
  logger.error({ err }, "unexpected error");
  return { code: "INTERNAL", message: "Errors.internal" };
}

/** `toPublicError` in the language of the request that will show it (or `locale`, outside a Next request). */
export async function toLocalizedError(err: unknown, locale?: AppLocale): Promise<{ code: string; message: string }> {
  const error = toPublicError(err);
  if (isProviderError(err)) {
    const { localizedUserMessage } = await import("@/lib/providers/provider-error-message");
    return { code: error.code, message: await localizedUserMessage(err) };
  }
  const values = err instanceof AppError ? err.values : undefined;
  return { code: error.code, message: await localizeMessage(error.message, values, locale) };
}
