import "server-only";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import {
  type Campaign,
  type CampaignOrigin,
  campaignMessages,
  campaigns,
  type MessageStatus,
  users,
} from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { FREQUENCY_CAPPED } from "@/lib/marketing/frequency-cap";
import {
  atMicros,
  CURSOR_PARTS,
  decodeCursor,
  type KeysetPage,
  type KeysetPosition,
  keysetPage,
  keysetSql,
  microsOf,
} from "@/lib/paging/keyset";
import { ORIGINS_OF_KIND } from "./campaign-origin";
import { type StatusCounts, TALLY } from "./campaign-progress";
import { costAggregates, statusList } from "./cost-sql";
import { messageTarget } from "./message-lifecycle";

/** A campaign's money, each kind apart (see costAggregates): never one figure that mixes them. */
export type CampaignCosts = { charged: number; held: number; estimated: number };

export type CampaignListItem = Pick<
  Campaign,
  | "id"
  | "name"
  | "provider"
  | "status"
  | "sender"
  | "scheduledAt"
  | "scheduledVia"
  | "recipientCount"
  | "createdAt"
  | "finishedAt"
  | "pauseReason"
  | "submissionId"
  | "category"
  | "origin"
> & { counts: StatusCounts; costs: CampaignCosts; createdBy: string | null };

const NO_COSTS: CampaignCosts = { charged: 0, held: 0, estimated: 0 };

/**
 * One page of campaigns of the given origins (by default the staff's own, not the sign-up page's texts), newest
 * first, with per-status counts and costs (grouped queries, not one per campaign); by keyset on (created_at, id),
 * so the list has no cap and a deep page costs what the first does.
 */
export async function listCampaigns(
  db: Database,
  options: KeysetPosition & { pageSize?: number; origins?: readonly CampaignOrigin[] } = {},
): Promise<KeysetPage<CampaignListItem> & { pageSize: number }> {
  const pageSize = options.pageSize ?? 50;
  const origins = options.origins ?? ORIGINS_OF_KIND.staff;
  const check = { key: CURSOR_PARTS.micros, id: CURSOR_PARTS.uuid };
  const after = decodeCursor(options.after, check);
  const before = after ? null : decodeCursor(options.before, check);
  const keyset = keysetSql(
    { key: campaigns.createdAt, id: campaigns.id, direction: "desc" },
    { after, before },
    (c) => ({
      key: atMicros(c.key),
      id: sql`${c.id}::uuid`,
    }),
  );
  const rows = await queryCampaigns(db, {
    limit: pageSize + 1,
    where: and(inArray(campaigns.origin, [...origins]), keyset.where),
    orderBy: keyset.orderBy,
  });
  const page = keysetPage(rows, { limit: pageSize, after, before, cursorOf: (r) => ({ key: r.createdUs, id: r.id }) });
  return { ...page, rows: page.rows.map(({ createdUs: _us, ...r }) => r), pageSize };
}

/**
 * One campaign with its counts, costs and text, or null when the id is unknown; also the senders its messages
 * actually went out under, how many withdrawn guests' messages the provider still holds or already sent, and how
 * many guests the frequency cap skipped.
 */
export async function getCampaign(db: Database, id: string) {
  const [found] = await queryCampaigns(db, { id, limit: 1 });
  if (!found) return null;
  const { createdUs: _us, ...item } = found;
  const [[row], senders, withdrawn, capped] = await Promise.all([
    db
      .select({
        body: campaigns.body,
        optOutFooter: campaigns.optOutFooter,
        language: campaigns.language,
        translations: campaigns.translations,
      })
      .from(campaigns)
      .where(eq(campaigns.id, id)),
    db.execute<{ sender: string }>(
      sql`select distinct sender from ${campaignMessages} where campaign_id = ${id} and sender is not null limit 5`,
    ),
    db.execute<{ held: number; went_out: number }>(sql`
      select count(*) filter (where status in ('scheduled', 'sending'))::int as held,
        count(*) filter (where status in (${statusList(TALLY.sent)}))::int as went_out
      from ${campaignMessages} where campaign_id = ${id} and stop_requested_at is not null`),
    // Among the cancelled (campaign_messages_campaign_status_idx), those the frequency cap kept back.
    db.execute<{ n: number }>(sql`
      select count(*)::int as n from ${campaignMessages}
      where campaign_id = ${id} and status = ${messageTarget("cappedAtSend")} and error_code = ${FREQUENCY_CAPPED}`),
  ]);
  return {
    ...item,
    ...row!,
    sendersUsed: senders.rows.map((s) => s.sender).sort(),
    /** Withdrawn guests' messages the provider still holds (being deleted, or past CPSMS's 10-minute lock). */
    withdrawnHeld: withdrawn.rows[0]?.held ?? 0,
    /** Withdrawn guests' messages that went out anyway (already on their way, or inside the lock). */
    withdrawnSent: withdrawn.rows[0]?.went_out ?? 0,
    /** Guests the frequency cap skipped: they already had the promotions it allows (counted in "not sent"). */
    frequencyCapped: capped.rows[0]?.n ?? 0,
  };
}

async function queryCampaigns(
  db: Database,
  options: { limit: number; id?: string; where?: SQL; orderBy?: SQL[] },
): Promise<(CampaignListItem & { createdUs: string })[]> {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      provider: campaigns.provider,
      status: campaigns.status,
      sender: campaigns.sender,
      category: campaigns.category,
      origin: campaigns.origin,
      scheduledAt: campaigns.scheduledAt,
      scheduledVia: campaigns.scheduledVia,
      recipientCount: campaigns.recipientCount,
      createdAt: campaigns.createdAt,
      finishedAt: campaigns.finishedAt,
      pauseReason: campaigns.pauseReason,
      submissionId: campaigns.submissionId,
      createdBy: users.name,
      createdUs: microsOf(campaigns.createdAt),
    })
    .from(campaigns)
    .leftJoin(users, eq(users.id, campaigns.createdById))
    .where(and(options.id ? eq(campaigns.id, options.id) : undefined, options.where))
    .orderBy(...(options.orderBy ?? [desc(campaigns.createdAt)]))
    .limit(options.limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [stats, costs] = await Promise.all([
    db
      .select({
        campaignId: campaignMessages.campaignId,
        status: campaignMessages.status,
        n: sql<number>`count(*)::int`,
      })
      .from(campaignMessages)
      .where(inArray(campaignMessages.campaignId, ids))
      .groupBy(campaignMessages.campaignId, campaignMessages.status),
    db.execute<{ campaign_id: string } & CampaignCosts>(sql`
      select m.campaign_id, ${costAggregates.charged} as charged, ${costAggregates.held} as held, ${costAggregates.estimated} as estimated
      from ${campaignMessages} m join ${campaigns} c on c.id = m.campaign_id
      where m.campaign_id = any(${sql.param(ids)}::uuid[])
      group by m.campaign_id`),
  ]);
  const counts = new Map<string, StatusCounts>();
  for (const s of stats) {
    const entry = counts.get(s.campaignId) ?? {};
    entry[s.status as MessageStatus] = s.n;
    counts.set(s.campaignId, entry);
  }
  const round = (n: number) => Math.round(Number(n) * 1000) / 1000;
  const costOf = new Map(
    costs.rows.map((c) => [
      c.campaign_id,
      { charged: round(c.charged), held: round(c.held), estimated: round(c.estimated) },
    ]),
  );
  return rows.map((r) => ({ ...r, counts: counts.get(r.id) ?? {}, costs: costOf.get(r.id) ?? NO_COSTS }));
}
