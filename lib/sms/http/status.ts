import type { ProviderErrorCode } from "../errors";

export interface StatusClassification {
  code: ProviderErrorCode;
  retryable: boolean;
  mayHaveBeenAccepted: boolean;
}

/**
 * Default meaning of an HTTP error status. 429 and a 503 carrying Retry-After are the only server answers we
 * treat as "refused before doing anything"; any other 5xx may come after the provider already queued the SMS.
 */
export function classifyHttpStatus(status: number, hasRetryAfter: boolean): StatusClassification {
  switch (status) {
    case 400:
    case 406:
    case 422:
      return { code: "validation", retryable: false, mayHaveBeenAccepted: false };
    case 401:
      return { code: "unauthorized", retryable: false, mayHaveBeenAccepted: false };
    case 402:
      return { code: "insufficient_credit", retryable: false, mayHaveBeenAccepted: false };
    case 403:
      return { code: "forbidden", retryable: false, mayHaveBeenAccepted: false };
    case 404:
      return { code: "not_found", retryable: false, mayHaveBeenAccepted: false };
    case 409:
      return { code: "conflict", retryable: false, mayHaveBeenAccepted: false };
    case 429:
      return { code: "rate_limited", retryable: true, mayHaveBeenAccepted: false };
    case 503:
      return { code: "server_error", retryable: true, mayHaveBeenAccepted: !hasRetryAfter };
  }
  if (status >= 500) return { code: "server_error", retryable: true, mayHaveBeenAccepted: true };
  if (status >= 300 && status < 400) return { code: "bad_response", retryable: false, mayHaveBeenAccepted: true };
  return { code: "validation", retryable: false, mayHaveBeenAccepted: false };
}
