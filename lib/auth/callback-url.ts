/** Only same-site relative paths may be used after sign-in (no open redirects to other hosts). */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  if (value.startsWith("/sign-in") || value.startsWith("/api/")) return "/";
  return value.slice(0, 512);
}
