import { AppError, toLocalizedError } from "@/lib/errors";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** A JSON error response for route handlers: AppError codes map to HTTP statuses; anything else is a 500. */
export async function errorResponse(err: unknown): Promise<Response> {
  const error = await toLocalizedError(err);
  const status = err instanceof AppError ? (STATUS[err.code] ?? 400) : 500;
  return Response.json({ error }, { status });
}
