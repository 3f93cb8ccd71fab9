import Negotiator from "negotiator";

/**
 * The first of `supported` the browser asks for in its Accept-Language header (quality order; "da-DK" matches
 * "da"), or null when it names none of them. A bare "*" (any language) names none either: then the caller's
 * own fallback applies (the restaurant's default), not the first in our list.
 */
export function negotiateLocale<L extends string>(acceptLanguage: string | null, supported: readonly L[]): L | null {
  if (!acceptLanguage) return null;
  const named = acceptLanguage
    .split(",")
    .filter((part) => part.split(";")[0]!.trim() !== "*")
    .join(",");
  if (!named.trim()) return null;
  const [first] = new Negotiator({ headers: { "accept-language": named } }).languages([...supported]);
  return (first as L | undefined) ?? null;
}
