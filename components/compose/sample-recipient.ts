import type { AudienceRecipient } from "@/lib/messages/audience-stats";

/** A guest the editor previews and counts: merge values, phone (for the price), and an optional display label. */
export type SampleRecipient = Omit<AudienceRecipient, "restaurant"> & { id: string; label?: string };

/** How a recipient is named in the preview: the label, else the full name, else `noName` (a plain description). */
export function recipientDisplayName(r: SampleRecipient, noName: string): string {
  return r.label ?? ([r.firstName, r.lastName].filter((s) => s?.trim()).join(" ") || noName);
}
