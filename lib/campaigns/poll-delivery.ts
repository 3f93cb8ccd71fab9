import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { campaignMessages, campaigns } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { PendingMessage, VerdictUpdate } from "@/lib/sms/provider-adapter";
import { PROVIDER_INFO, PROVIDER_NAMES, type ProviderName } from "@/lib/sms/providers";
import { adapterFor } from "@/lib/sms/registry";
import { messageFrom, messageTo, statusIn } from "./apply-transition";
import { FOLLOWED_STATUSES } from "./delivery-status";
import { recordEvents } from "./message-events";
import { MESSAGE_TRANSITIONS } from "./message-lifecycle";
import type { ProviderSessionFactory } from "./provider-session";

/** Messages are followed for three days after they went out; operators give up retrying well before that. */
export const FOLLOW_FOR_HOURS = 72;
/** The longest wait between two lookups of one message, where each is asked about alone (the backoff's ceiling). */
const MAX_BACKOFF = "1 hour";
const PER_RUN = 500;

type Pending = PendingMessage;
type Final = VerdictUpdate;

/**
 * Asks the providers what became of sent messages that have no final status yet: smsapp.pk has no webhooks
 * at all, and CPSMS reports only reach us when it can call PUBLIC_URL. How each is asked is its adapter's
 * business (`pollVerdicts`); a provider asked one message at a time (`pollsEachMessage`) gets a growing pause
 * per message between lookups (half its age at the last look, at most an hour). Messages still open after
 * FOLLOW_FOR_HOURS become "unknown": we stop asking and say so.
 */
export async function pollDeliveryStatus(
  db: Database,
  sessions: ProviderSessionFactory,
  options: { campaignId?: string } = {},
): Promise<{ updated: number; givenUp: number }> {
  let updated = 0;
  const givenUp = await giveUpOnOld(db, options.campaignId);
  for (const provider of PROVIDER_NAMES) {
    const pending = await pendingMessages(db, provider, options.campaignId);
    if (pending.length === 0) continue;
    try {
      const session = await sessions(provider);
      const finals = await session.pollVerdicts(pending);
      updated += await applyFinals(db, finals, provider);
      // Rows still without a verdict go to the back of the line, so a few stuck ones can't starve the rest;
      // for providers asked one message at a time this is also the "last looked at" time the backoff counts from.
      const settled = new Set(
        finals.filter((f) => f.status !== "buffered" && f.status !== "accepted").map((f) => f.id),
      );
      const stillPending = pending.filter((p) => !settled.has(p.id)).map((p) => p.id);
      if (stillPending.length) {
        await db.execute(sql`update campaign_messages set status_changed_at = now()
          where id = any(${sql.param(stillPending)}::bigint[]) and status in ('accepted', 'buffered', 'scheduled')`);
      }
    } catch (err) {
      logger.warn({ err, provider }, "delivery status poll failed; will try again");
    }
  }
  return { updated, givenUp };
}

/** Past the horizon: "unknown", with a line on the timeline saying why. */
async function giveUpOnOld(db: Database, campaignId?: string): Promise<number> {
  const result = await db.execute<{ id: number; provider: ProviderName }>(sql`
    update campaign_messages m set status = ${messageTo("giveUp")}, status_changed_at = now(),
      error_message = 'No final delivery report within ${sql.raw(String(FOLLOW_FOR_HOURS))} hours; it may or may not have arrived.'
    from campaigns c
    -- Scheduled ones only where CPSMS holds them: one we hold for later hasn't gone out at all.
    where c.id = m.campaign_id and ${messageFrom("giveUp", "m.status")} and (m.status <> 'scheduled' or c.scheduled_via = 'provider')
      ${campaignId ? sql`and c.id = ${campaignId}` : sql``}
      and greatest(m.sent_at, c.scheduled_at) < now() - make_interval(hours => ${FOLLOW_FOR_HOURS})
    returning m.id, c.provider`);
  await recordEvents(
    db,
    "poll",
    result.rows.map((r) => ({
      messageId: Number(r.id),
      status: "unknown",
      detail: `${PROVIDER_INFO[r.provider].shortLabel} gave no final report within ${FOLLOW_FOR_HOURS} hours; we stopped asking.`,
    })),
  );
  return result.rows.length;
}

async function pendingMessages(db: Database, provider: ProviderName, campaignId?: string): Promise<Pending[]> {
  const sentAt = sql`greatest(${campaignMessages.sentAt}, ${campaigns.scheduledAt})`;
  return db
    .select({
      id: campaignMessages.id,
      phone: campaignMessages.phone,
      body: campaignMessages.body,
      reference: campaignMessages.reference,
      providerMessageId: campaignMessages.providerMessageId,
      cost: campaignMessages.cost,
      status: campaignMessages.status,
    })
    .from(campaignMessages)
    .innerJoin(campaigns, eq(campaigns.id, campaignMessages.campaignId))
    .where(
      and(
        eq(campaigns.provider, provider),
        campaignId ? eq(campaigns.id, campaignId) : undefined,
        // Provider-held messages past their time are followed too: held is not sent until the provider confirms it.
        PROVIDER_INFO[provider].schedulesAtProvider
          ? sql`(${inArray(campaignMessages.status, [...FOLLOWED_STATUSES])} or (${campaignMessages.status} = 'scheduled' and ${campaigns.scheduledAt} <= now()))`
          : inArray(campaignMessages.status, [...FOLLOWED_STATUSES]),
        sql`${sentAt} > now() - make_interval(hours => ${FOLLOW_FOR_HOURS})`,
        // Backoff (a provider asked one message at a time): wait half the message's age at the last look.
        adapterFor(provider).pollsEachMessage
          ? sql`${campaignMessages.statusChangedAt} <= now() - least(interval '${sql.raw(MAX_BACKOFF)}', (${campaignMessages.statusChangedAt} - ${sentAt}) / 2)`
          : undefined,
      ),
    )
    .orderBy(asc(campaignMessages.statusChangedAt))
    .limit(PER_RUN);
}

async function applyFinals(db: Database, finals: Final[], provider: ProviderName): Promise<number> {
  if (finals.length === 0) return 0;
  // One statement, by the poll transitions of message-lifecycle.ts: a verdict, "buffered", or "accepted" (a held
  // message confirmed sent). Facts (cost, sender, send time) are filled in whatever the status.
  const col = <K extends keyof Final>(key: K) => sql.param(finals.map((f) => f[key] ?? null));
  const result = await db.execute<{ id: number; status: string; detail: string | null; moved: boolean }>(sql`
    with f as (
      select * from unnest(${col("id")}::bigint[], ${col("status")}::text[], ${col("detail")}::text[], ${col("cost")}::numeric[],
        ${col("segments")}::int[], ${col("sender")}::text[], ${sql.param(finals.map((f) => f.sentAt?.toISOString() ?? null))}::timestamptz[])
        as f(id, status, detail, cost, segments, sender, sent_at)
    ), mv as (
      select f.*, cm.status as was, case
        when ${statusIn(MESSAGE_TRANSITIONS.pollVerdict.to, "f.status")} then ${messageFrom("pollVerdict", "cm.status")}
        when ${statusIn(MESSAGE_TRANSITIONS.pollBuffered.to, "f.status")} then ${messageFrom("pollBuffered", "cm.status")}
        else ${messageFrom("pollSent", "cm.status")} end as moves
      from f join campaign_messages cm on cm.id = f.id
      where ${messageFrom("pollVerdict", "cm.status")}
    )
    update campaign_messages m set
      status = case when mv.moves then mv.status else m.status end,
      status_changed_at = case when mv.moves then now() else m.status_changed_at end,
      delivered_at = case when mv.moves and mv.status = 'delivered' then now() else m.delivered_at end,
      error_message = case when mv.moves then mv.detail else m.error_message end,
      error_code = case when mv.moves and mv.status = 'delivered' then null else m.error_code end,
      sent_at = coalesce(m.sent_at, mv.sent_at, case when mv.moves and m.status = 'scheduled' then now() end),
      cost = coalesce(m.cost, mv.cost),
      segments = coalesce(mv.segments, m.segments),
      sender = coalesce(mv.sender, m.sender)
    from mv
    -- A report that changed the row since it was read wins; the next poll looks again.
    where m.id = mv.id and m.status = mv.was
    returning m.id, m.status, m.error_message as detail, mv.moves as moved`);
  const moved = result.rows.filter((r) => r.moved);
  await recordEvents(
    db,
    "poll",
    moved.map((r) => ({
      messageId: Number(r.id),
      status: r.status,
      detail:
        r.status === "accepted" ? `${PROVIDER_INFO[provider].shortLabel} sent it at its scheduled time.` : r.detail,
    })),
  );
  return moved.filter((r) => r.status !== "buffered").length;
}
