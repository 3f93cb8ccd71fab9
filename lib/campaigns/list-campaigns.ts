import { desc, eq, inArray, sql } from "drizzle-orm";
import { type Campaign, campaignMessages, campaigns, type MessageStatus, users } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import type { StatusCounts } from "./campaign-progress";

export type CampaignListItem = Pick<
  Campaign,
  "id" | "name" | "provider" | "status" | "scheduledAt" | "scheduledVia" | "recipientCount" | "createdAt" | "finishedAt" | "pauseReason"
> & { counts: StatusCounts; cost: number; createdBy: string | null };

/** The latest campaigns with per-status counts (one grouped query, not one per campaign). */
export function listCampaigns(db: Database, limit = 100): Promise<CampaignListItem[]> {
  return queryCampaigns(db, { limit });
}

/** One campaign with its counts and text, or null when the id is unknown. */
export async function getCampaign(db: Database, id: string) {
  const [item] = await queryCampaigns(db, { id, limit: 1 });
  if (!item) return null;
  const [row] = await db.select({ body: campaigns.body, sender: campaigns.sender, optOutFooter: campaigns.optOutFooter }).from(campaigns).where(eq(campaigns.id, id));
  return { ...item, ...row! };
}

async function queryCampaigns(db: Database, options: { limit: number; id?: string }): Promise<CampaignListItem[]> {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      provider: campaigns.provider,
      status: campaigns.status,
      scheduledAt: campaigns.scheduledAt,
      scheduledVia: campaigns.scheduledVia,
      recipientCount: campaigns.recipientCount,
      createdAt: campaigns.createdAt,
      finishedAt: campaigns.finishedAt,
      pauseReason: campaigns.pauseReason,
      createdBy: users.name,
    })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.createdById))
    .where(options.id ? eq(campaigns.id, options.id) : undefined)
    .orderBy(desc(campaigns.createdAt))
    .limit(options.limit);
  if (rows.length === 0) return [];
  const stats = await db
    .select({
      campaignId: campaignMessages.campaignId,
      status: campaignMessages.status,
      n: sql<number>`count(*)::int`,
      cost: sql<number>`coalesce(sum(${campaignMessages.cost}), 0)::float`,
    })
    .from(campaignMessages)
    .where(inArray(campaignMessages.campaignId, rows.map((r) => r.id)))
    .groupBy(campaignMessages.campaignId, campaignMessages.status);
  const byCampaign = new Map<string, { counts: StatusCounts; cost: number }>();
  for (const s of stats) {
    const entry = byCampaign.get(s.campaignId) ?? { counts: {}, cost: 0 };
    entry.counts[s.status as MessageStatus] = s.n;
    entry.cost += s.cost;
    byCampaign.set(s.campaignId, entry);
  }
  return rows.map((r) => ({ ...r, ...(byCampaign.get(r.id) ?? { counts: {}, cost: 0 }) }));
}
