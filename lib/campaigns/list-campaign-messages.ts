import "server-only";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { campaignMessages, contacts } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { type DeliveryState, STATUSES_IN } from "./delivery-status";

export const MESSAGES_PAGE_SIZE = 50;

/** One page of a campaign's recipients (with the guest's name) and what happened to each, optionally one state. */
export async function listCampaignMessages(
  db: Database,
  campaignId: string,
  options: { page: number; state?: DeliveryState },
) {
  const where: SQL | undefined = and(
    eq(campaignMessages.campaignId, campaignId),
    options.state ? inArray(campaignMessages.status, STATUSES_IN[options.state]) : undefined,
  );
  const page = Math.max(1, options.page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaignMessages.id,
        phone: campaignMessages.phone,
        contactId: campaignMessages.contactId,
        name: sql<string | null>`nullif(trim(${contacts.firstName} || ' ' || ${contacts.lastName}), '')`,
        status: campaignMessages.status,
        segments: campaignMessages.segments,
        cost: campaignMessages.cost,
        errorMessage: campaignMessages.errorMessage,
        stopRequestedAt: campaignMessages.stopRequestedAt,
        stopReason: campaignMessages.stopReason,
        sender: campaignMessages.sender,
        sentAt: campaignMessages.sentAt,
        deliveredAt: campaignMessages.deliveredAt,
        body: campaignMessages.body,
      })
      .from(campaignMessages)
      .leftJoin(contacts, eq(contacts.id, campaignMessages.contactId))
      .where(where)
      .orderBy(asc(campaignMessages.id))
      .limit(MESSAGES_PAGE_SIZE)
      .offset((page - 1) * MESSAGES_PAGE_SIZE),
    db.select({ n: count() }).from(campaignMessages).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / MESSAGES_PAGE_SIZE)) };
}
