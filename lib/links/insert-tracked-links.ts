import "server-only";
import { trackedLinks } from "@/drizzle/schema";
import type { CampaignRecipient } from "@/lib/campaigns/create-campaign";
import type { Database } from "@/lib/db";
import { LINK_LIFETIME_DAYS, newLinkCode } from "./link-codes";
import { SHORT_LINK_PREFIX } from "./short-link";

const INSERT_CHUNK = 2000;
const DAY_MS = 24 * 3600_000;

/**
 * Writes every recipient's short links (`CampaignRecipient.links`) in the caller's transaction, before their
 * messages, and returns the recipients as they must be written. A code already taken (one in 2^47 per link, but
 * never assumed away) is drawn again and swapped in the recipient's text: same length, so the counts stand.
 * `INSERT ... ON CONFLICT DO NOTHING RETURNING` says which codes were taken, in one statement per chunk.
 */
export async function insertTrackedLinks(
  tx: Database,
  campaignId: string,
  recipients: readonly CampaignRecipient[],
  sendAt: Date | null,
): Promise<CampaignRecipient[]> {
  const out = recipients.map((r) => ({ ...r, links: r.links ? [...r.links] : undefined }));
  const expiresAt = new Date((sendAt?.getTime() ?? Date.now()) + LINK_LIFETIME_DAYS * DAY_MS);
  type Pending = { recipient: (typeof out)[number]; index: number };
  let pending: Pending[] = out.flatMap((recipient) =>
    (recipient.links ?? []).map((_, index) => ({ recipient, index })),
  );
  while (pending.length > 0) {
    const retry: Pending[] = [];
    for (let i = 0; i < pending.length; i += INSERT_CHUNK) {
      const chunk = pending.slice(i, i + INSERT_CHUNK);
      const written = await tx
        .insert(trackedLinks)
        .values(
          chunk.map(({ recipient, index }) => ({
            code: recipient.links![index]!.code,
            campaignId,
            contactId: recipient.contactId,
            phone: recipient.phone,
            url: recipient.links![index]!.url,
            expiresAt,
          })),
        )
        .onConflictDoNothing()
        .returning({ code: trackedLinks.code });
      const taken = new Set(written.map((w) => w.code));
      for (const p of chunk) if (!taken.has(p.recipient.links![p.index]!.code)) retry.push(p);
    }
    for (const { recipient, index } of retry) {
      const link = recipient.links![index]!;
      const code = newLinkCode();
      recipient.body = recipient.body.replaceAll(`${SHORT_LINK_PREFIX}${link.code}`, `${SHORT_LINK_PREFIX}${code}`);
      recipient.links![index] = { ...link, code };
    }
    pending = retry;
  }
  return out;
}
