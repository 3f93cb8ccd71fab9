import { logger } from "@/lib/logger";

export type AppErrorCode =
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "RATE_LIMITED";

/** An error whose message is written for the person using the app and is safe to show them. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Turns any error into something safe to send to the browser; unexpected ones are logged, not shown. */
export function toPublicError(err: unknown): { code: string; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  logger.error({ err }, "unexpected error");
  return { code: "INTERNAL", message: "Something went wrong on our side. Try again in a moment." };
}
