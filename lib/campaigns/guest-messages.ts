import "server-only";
import { desc, eq } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

/** The latest messages to one guest (rows written for the guest-book contact), for the guest's page: what went out and what didn't. */
export async function guestMessages(db: Database, contact: { id: string }, limit = 20) {
  return db
    .select({
      id: campaignMessages.id,
      status: campaignMessages.status,
      errorMessage: campaignMessages.errorMessage,
      stopRequestedAt: campaignMessages.stopRequestedAt,
      stopReason: campaignMessages.stopReason,
      listedAt: campaignMessages.listedAt,
      sentAt: campaignMessages.sentAt,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      campaignOrigin: campaigns.origin,
      provider: campaigns.provider,
      scheduledAt: campaigns.scheduledAt,
      scheduledVia: campaigns.scheduledVia,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(eq(campaignMessages.contactId, contact.id))
    .orderBy(desc(campaignMessages.listedAt), desc(campaignMessages.id))
    .limit(limit);
}
