import type { z } from "zod";
import { ProviderError } from "../errors";
import type { ProviderName } from "../types";
import type { CallKind } from "./retry";

/**
 * Validates a provider response. A shape we do not recognise becomes a "bad_response" ProviderError (never a
 * crash); for sends it is flagged as possibly accepted because the provider answered after reading the request.
 */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  context: { provider: ProviderName; operation: string; kind: CallKind; httpStatus: number },
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? issue.path.join(".") : "(root)"))
    .join(", ");
  throw new ProviderError({
    provider: context.provider,
    operation: context.operation,
    code: "bad_response",
    httpStatus: context.httpStatus,
    retryable: false,
    mayHaveBeenAccepted: true,
    providerMessage: `unexpected response shape at ${where}`,
  });
}
