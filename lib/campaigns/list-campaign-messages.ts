import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { campaignMessages, MESSAGE_STATUSES, type MessageStatus } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

export const MESSAGES_PAGE_SIZE = 50;

export function isMessageStatus(value: unknown): value is MessageStatus {
  return typeof value === "string" && (MESSAGE_STATUSES as readonly string[]).includes(value);
}

/** One page of a campaign's recipients and what happened to each, optionally only one status. */
export async function listCampaignMessages(db: Database, campaignId: string, options: { page: number; status?: MessageStatus }) {
  const where: SQL | undefined = and(
    eq(campaignMessages.campaignId, campaignId),
    options.status ? eq(campaignMessages.status, options.status) : undefined,
  );
  const page = Math.max(1, options.page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaignMessages.id,
        phone: campaignMessages.phone,
        status: campaignMessages.status,
        segments: campaignMessages.segments,
        cost: campaignMessages.cost,
        errorMessage: campaignMessages.errorMessage,
        sentAt: campaignMessages.sentAt,
        deliveredAt: campaignMessages.deliveredAt,
        body: campaignMessages.body,
      })
      .from(campaignMessages)
      .where(where)
      .orderBy(asc(campaignMessages.id))
      .limit(MESSAGES_PAGE_SIZE)
      .offset((page - 1) * MESSAGES_PAGE_SIZE),
    db.select({ n: count() }).from(campaignMessages).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / MESSAGES_PAGE_SIZE)) };
}
