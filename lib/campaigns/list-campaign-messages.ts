import "server-only";
import { and, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { campaignMessages, contacts } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { CURSOR_PARTS, decodeCursor, type KeysetPosition, keysetPage, keysetSql } from "@/lib/paging/keyset";
import { type DeliveryState, STATUSES_IN } from "./delivery-status";

export const MESSAGES_PAGE_SIZE = 50;

/**
 * One page of a campaign's recipients (with the guest's name) and what happened to each, optionally one state;
 * in the order they were written (by id), by keyset, so a campaign of 100,000 pages as fast at the end as at
 * the start. The total counts the whole filtered list.
 */
export async function listCampaignMessages(
  db: Database,
  campaignId: string,
  options: KeysetPosition & { state?: DeliveryState | null; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? MESSAGES_PAGE_SIZE;
  const where: SQL | undefined = and(
    eq(campaignMessages.campaignId, campaignId),
    options.state ? inArray(campaignMessages.status, STATUSES_IN[options.state]) : undefined,
  );
  const check = { key: CURSOR_PARTS.integer, id: CURSOR_PARTS.integer };
  const after = decodeCursor(options.after, check);
  const before = after ? null : decodeCursor(options.before, check);
  // The id is both the sort key and the tie-breaker: messages are listed in the order they were written.
  const keyset = keysetSql(
    { key: campaignMessages.id, id: campaignMessages.id, direction: "asc" },
    { after, before },
    (c) => ({
      key: sql`${c.key}::bigint`,
      id: sql`${c.id}::bigint`,
    }),
  );
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
      .where(and(where, keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(pageSize + 1),
    db.select({ n: count() }).from(campaignMessages).where(where),
  ]);
  const page = keysetPage(rows, {
    limit: pageSize,
    after,
    before,
    cursorOf: (r) => ({ key: String(r.id), id: String(r.id) }),
  });
  return { ...page, total: total?.n ?? 0, pageSize };
}
