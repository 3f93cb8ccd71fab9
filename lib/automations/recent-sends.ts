import "server-only";
import { sql } from "drizzle-orm";
import type { AutomationKind, CampaignStatus } from "@/drizzle/schema";
import type { Database } from "@/lib/db";

export type RecentSend = {
  campaignId: string;
  createdAt: Date;
  scheduledAt: Date | null;
  status: CampaignStatus;
  recipients: number;
  /** Texts the provider took (accepted or later); the rest are waiting, held or were stopped. */
  sent: number;
};

/** The automation's latest campaigns (one per evaluation run, provider and send time), newest first. */
export async function recentSends(db: Database, kind: AutomationKind, limit = 10): Promise<RecentSend[]> {
  const { rows } = await db.execute<{
    id: string;
    created_at: string;
    scheduled_at: string | null;
    status: CampaignStatus;
    recipient_count: number;
    sent: number;
  }>(sql`
    select c.id, c.created_at, c.scheduled_at, c.status, c.recipient_count,
      (select count(*)::int from campaign_messages m where m.campaign_id = c.id
        and m.status in ('accepted', 'buffered', 'delivered', 'undelivered', 'unknown')) as sent
    from campaigns c
    where c.origin = 'automation'
      and c.id in (select campaign_id from automation_occurrences where kind = ${kind} and campaign_id is not null)
    order by c.created_at desc
    limit ${limit}`);
  return rows.map((r) => ({
    campaignId: r.id,
    createdAt: new Date(r.created_at),
    scheduledAt: r.scheduled_at ? new Date(r.scheduled_at) : null,
    status: r.status,
    recipients: r.recipient_count,
    sent: r.sent,
  }));
}
