import type { ProviderErrorCode } from "../errors";

/**
 * Known Ultimate SMS / smsapp.pk error texts (English locale) and what they mean for us. Matching on wording is
 * needed because the same HTTP status (200, 403, 404) carries very different failures.
 */
const CATALOGUE: Array<[RegExp, ProviderErrorCode]> = [
  [/^unauthenticated/i, "unauthorized"],
  [/not enough balance|exceeded your sending limit|insufficient (credit|balance)/i, "insufficient_credit"],
  [/no query results/i, "not_found"],
  [/too many attempts/i, "rate_limited"],
  [
    /do not have permissions|this action is unauthorized|not available in demo mode|no active subscription/i,
    "forbidden",
  ],
];

/** Maps a provider error message to a code, or null when the wording is unknown. */
export function classifySmsappMessage(message: string): ProviderErrorCode | null {
  if (isSmsappRouteMiss(message)) return "not_found";
  for (const [pattern, code] of CATALOGUE) if (pattern.test(message)) return code;
  return null;
}

/**
 * True for Laravel 8's router errors, which Ultimate SMS answers with HTTP 200 like any other: an unknown path
 * (NotFoundHttpException, no message at all) or a wrong verb ("The X method is not supported for this route...").
 */
export function isSmsappRouteMiss(message: string): boolean {
  return message.trim() === "" || /method is not supported for this route/i.test(message);
}
