const MIN_SECRET_LENGTH = 4;

/**
 * Removes credentials from any text we may put in an error or log line. Providers sometimes echo request data
 * (smsapp.pk's `/me` even returns the token), so provider messages pass through here too.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join("[redacted]");
  }
  return out.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=|._~-]+/gi, "$1 [redacted]");
}
