/** `signup_scans.source_key` of the plain `/join` (no source): a source's page counts under its id. */
export const DIRECT_SCAN_KEY = "direct";

/** The key a page view of `/join` (null) or `/join/<slug>` (the source's id) is counted under. */
export function scanKey(sourceId: string | null): string {
  return sourceId ?? DIRECT_SCAN_KEY;
}
