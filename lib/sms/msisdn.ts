/**
 * Both providers want digits only, country code first ("4520202020"): no "+", no "00", no spaces.
 * Anything else is left in place so the provider reports it per recipient rather than us guessing.
 */
export function toProviderMsisdn(phone: string): string {
  const compact = phone.trim().replace(/[\s().-]/g, "");
  if (compact.startsWith("+")) return compact.slice(1);
  if (/^00\d/.test(compact)) return compact.slice(2);
  return compact;
}
