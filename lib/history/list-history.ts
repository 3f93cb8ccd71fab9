import "server-only";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type CampaignOrigin, campaignMessages, campaigns, contacts } from "@/drizzle/schema";
import { statusList } from "@/lib/campaigns/cost-sql";
import { STATUSES_IN } from "@/lib/campaigns/delivery-status";
import type { Database } from "@/lib/db";
import type { ProviderName } from "@/lib/sms/providers";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor";
import { DEFAULT_SENDER, dateRange, type HistoryFilters, searchTerm } from "./filters";

export const HISTORY_PAGE_SIZE = 50;

export type HistoryRow = {
  id: number;
  listedAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  statusChangedAt: Date;
  phone: string;
  status: (typeof campaignMessages.$inferSelect)["status"];
  segments: number;
  encoding: "GSM-7" | "UCS-2";
  cost: number | null;
  reason: string | null;
  body: string;
  campaignId: string;
  campaignName: string;
  /** Who wrote the campaign: staff, or the sign-up page (a confirmation or welcome text). */
  campaignOrigin: CampaignOrigin;
  provider: ProviderName;
  /** When the campaign goes out (a held message's send time). */
  scheduledAt: Date | null;
  sender: string | null;
  contactId: string | null;
  contactName: string | null;
};

export type HistoryPage = {
  rows: HistoryRow[];
  /** Cursor for the next (older) page; null on the last page. */
  olderCursor: string | null;
  /** Cursor for the previous (newer) page; null on the first page. */
  newerCursor: string | null;
};

const listedUs = sql<string>`(extract(epoch from ${campaignMessages.listedAt}) * 1000000)::bigint::text`;
const atUs = (us: string) => sql`(timestamptz 'epoch' + ${us}::bigint * interval '1 microsecond')`;

/** The WHERE clause shared by the page and the CSV export. */
export function historyWhere(filters: HistoryFilters, timeZone: string): SQL | undefined {
  const { since, until } = dateRange(filters, timeZone);
  const term = searchTerm(filters.q);
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return and(
    filters.provider ? eq(campaigns.provider, filters.provider) : undefined,
    filters.state ? sql`${campaignMessages.status} in (${statusList(STATUSES_IN[filters.state])})` : undefined,
    filters.campaignId ? eq(campaignMessages.campaignId, filters.campaignId) : undefined,
    filters.sender === DEFAULT_SENDER
      ? and(isNull(campaignMessages.sender), isNull(campaigns.sender))
      : filters.sender
        ? sql`coalesce(${campaignMessages.sender}, ${campaigns.sender}) = ${filters.sender}`
        : undefined,
    since ? sql`${campaignMessages.listedAt} >= ${since.toISOString()}::timestamptz` : undefined,
    until ? sql`${campaignMessages.listedAt} < ${until.toISOString()}::timestamptz` : undefined,
    term.kind === "phone" ? sql`${campaignMessages.phone} like ${like(term.digits)}` : undefined,
    term.kind === "name"
      ? sql`${campaignMessages.contactId} in (
          select c.id from ${contacts} c where (c.first_name || ' ' || c.last_name) ilike ${like(term.text)}
            or (c.last_name || ' ' || c.first_name) ilike ${like(term.text)})`
      : undefined,
  );
}

const selection = {
  id: campaignMessages.id,
  listedAt: campaignMessages.listedAt,
  listedUs,
  sentAt: campaignMessages.sentAt,
  deliveredAt: campaignMessages.deliveredAt,
  statusChangedAt: campaignMessages.statusChangedAt,
  phone: campaignMessages.phone,
  status: campaignMessages.status,
  segments: campaignMessages.segments,
  encoding: campaignMessages.encoding,
  cost: campaignMessages.cost,
  reason: campaignMessages.errorMessage,
  body: campaignMessages.body,
  campaignId: campaignMessages.campaignId,
  campaignName: campaigns.name,
  campaignOrigin: campaigns.origin,
  provider: campaigns.provider,
  scheduledAt: campaigns.scheduledAt,
  // The sender the provider used when it told us, else the one asked for (null: the account default).
  sender: sql<string | null>`coalesce(${campaignMessages.sender}, ${campaigns.sender})`,
  contactId: campaignMessages.contactId,
  contactName: sql<string | null>`nullif(trim(${contacts.firstName} || ' ' || ${contacts.lastName}), '')`,
};

/**
 * One page of every message across providers, newest first, by keyset on (listed_at, id): page 1,000 costs
 * what page 1 does. `after` = older than that cursor; `before` = newer (the previous page).
 */
export async function listHistory(
  db: Database,
  filters: HistoryFilters,
  options: { timeZone: string; after?: string | null; before?: string | null; limit?: number },
): Promise<HistoryPage> {
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const after = decodeCursor(options.after);
  const before = after ? null : decodeCursor(options.before);
  const rows = await queryPage(db, historyWhere(filters, options.timeZone), { after, before, limit: limit + 1 });
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (before) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Going back from a cursor means there is something older; going forward, more of the newer side (hasMore).
  const olderExists = before ? true : hasMore;
  const newerExists = before ? hasMore : Boolean(after);
  return {
    rows: page.map(({ listedUs: _us, ...row }) => row),
    olderCursor: olderExists && last ? encodeCursor({ us: last.listedUs, id: last.id }) : null,
    newerCursor: newerExists && first ? encodeCursor({ us: first.listedUs, id: first.id }) : null,
  };
}

/** Raw keyset query (also used by the CSV export to walk everything in chunks). */
export async function queryPage(
  db: Database,
  where: SQL | undefined,
  options: { after?: Cursor | null; before?: Cursor | null; limit: number },
) {
  const { after, before } = options;
  const keyset = after
    ? sql`(${campaignMessages.listedAt}, ${campaignMessages.id}) < (${atUs(after.us)}, ${after.id})`
    : before
      ? sql`(${campaignMessages.listedAt}, ${campaignMessages.id}) > (${atUs(before.us)}, ${before.id})`
      : undefined;
  const direction = before ? sql`asc` : sql`desc`;
  return db
    .select(selection)
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .leftJoin(contacts, eq(contacts.id, campaignMessages.contactId))
    .where(and(where, keyset))
    .orderBy(sql`${campaignMessages.listedAt} ${direction}`, sql`${campaignMessages.id} ${direction}`)
    .limit(options.limit);
}

/**
 * What the filter bar offers: recent staff campaigns (the sign-up page's texts, one per guest, would crowd them
 * out) and the senders staff campaigns used. Sign-up texts go from the providers' default senders, which staff
 * sends use too; looking each of them up (one per guest) cost 66 ms per history view at 100,000 sign-ups.
 */
export async function historyFilterOptions(db: Database) {
  const [recent, senders] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.name, createdAt: campaigns.createdAt })
      .from(campaigns)
      .where(eq(campaigns.origin, "compose"))
      .orderBy(sql`${campaigns.createdAt} desc`)
      .limit(200),
    db
      .execute<{ sender: string | null }>(sql`
      select distinct coalesce(m.sender, c.sender) as sender from ${campaigns} c
      left join lateral (select sender from ${campaignMessages} where campaign_id = c.id and sender is not null limit 1) m on true
      where c.origin = 'compose'
      order by 1 limit 100`)
      .then((r) => r.rows),
  ]);
  return {
    campaigns: recent.map((c) => ({ id: c.id, name: c.name })),
    senders: [...new Set(senders.map((s) => s.sender ?? DEFAULT_SENDER))].sort(),
  };
}
