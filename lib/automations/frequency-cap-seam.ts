import "server-only";
import type { Database } from "@/lib/db";

/**
 * SEAM (#19, frequency cap): the guests among `candidates` whom the frequency cap would skip at their due time.
 * The cap itself (Settings, and its enforcement at send time in lib/campaigns/claim-batch.ts) is built
 * separately; until it is merged here, no one is skipped by it. Replace the body with a call to the cap's preview
 * helper (lib/marketing/frequency-cap.ts) when it lands; the preview already shows its row.
 */
export async function skippedByFrequencyCap(
  _db: Database,
  _candidates: readonly { contactId: string; dueAt: Date }[],
): Promise<Set<string>> {
  return new Set();
}
