import "server-only";
import { inArray } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { getFrequencyCap, phonesAtCap } from "@/lib/marketing/frequency-cap";
import { formatDateInZone } from "@/lib/time/zoned";

/**
 * The guests among `candidates` whom the frequency cap (lib/marketing/frequency-cap.ts) would skip at their due
 * time, as far as what has been sent or held so far says (later promotions may add to it; the engine checks again
 * at send time). The cap counts calendar days in the restaurant's zone, so candidates due on one local day are
 * asked about together: a week's preview is at most eight questions.
 */
export async function skippedByFrequencyCap(
  db: Database,
  candidates: readonly { contactId: string; dueAt: Date }[],
): Promise<Set<string>> {
  const cap = await getFrequencyCap(db);
  if (!cap || candidates.length === 0) return new Set();
  const phoneOf = new Map<string, string>();
  const ids = [...new Set(candidates.map((c) => c.contactId))];
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await db
      .select({ id: contacts.id, phone: contacts.phone })
      .from(contacts)
      .where(inArray(contacts.id, ids.slice(i, i + 10_000)));
    for (const r of rows) phoneOf.set(r.id, r.phone);
  }
  const byDay = new Map<string, { at: Date; contactIds: string[] }>();
  for (const c of candidates) {
    const day = formatDateInZone(c.dueAt, cap.timeZone);
    const group = byDay.get(day) ?? { at: c.dueAt, contactIds: [] };
    group.contactIds.push(c.contactId);
    byDay.set(day, group);
  }
  const skipped = new Set<string>();
  for (const { at, contactIds } of byDay.values()) {
    const phones = contactIds.flatMap((id) => phoneOf.get(id) ?? []);
    const capped = await phonesAtCap(db, cap, phones, at);
    for (const id of contactIds) if (capped.has(phoneOf.get(id) ?? "")) skipped.add(id);
  }
  return skipped;
}
