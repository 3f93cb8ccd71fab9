import { randomUUID } from "node:crypto";
import type { PreviewRow } from "./import-preview";

// The analysed rows of recent import previews, so staff can page through a 100,000-row file without the browser
// getting all of it or sending the file again for every page. Per process and in memory: with several web
// processes a page request can reach one that doesn't have it, and the browser then sends the file once more
// (the answer is the same, the file being the same). Nothing here is ever written to the guest book.

/** How long a preview stays pageable without being analysed again. */
const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews kept at once (one per person: a new analysis replaces their last): a 100,000-row one is ~20 MB. */
const MAX_PREVIEWS = 4;

type Entry = { userId: string; rows: PreviewRow[]; at: number };
const previews = new Map<string, Entry>();

/** Keeps a person's preview for paging and returns its token; their previous preview is dropped. */
export function keepPreview(userId: string, rows: PreviewRow[], now = Date.now()): string {
  for (const [token, entry] of previews) {
    if (entry.userId === userId || now - entry.at > PREVIEW_TTL_MS) previews.delete(token);
  }
  while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
  const token = randomUUID();
  previews.set(token, { userId, rows, at: now });
  return token;
}

/** The rows of a kept preview, only for the person who made it; null once it expired or was replaced. */
export function findPreview(userId: string, token: string, now = Date.now()): PreviewRow[] | null {
  const entry = previews.get(token);
  if (!entry || entry.userId !== userId) return null;
  if (now - entry.at > PREVIEW_TTL_MS) {
    previews.delete(token);
    return null;
  }
  entry.at = now; // paging keeps it alive
  return entry.rows;
}
